import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { formatYuan, yuanToFen } from '@/lib/format';
import { requestGrant, useGrantFunds } from './api';

interface Values {
  fundId: string;
  amountYuan: number;
  reason: string;
}

/**
 * /relief-grants/new?householdId=…: 申请临时救助, reached from the household page. The fund is
 * chosen among the active funds whose area contains the household, each with its balance.
 */
export function RequestGrantPage() {
  const { t } = useTranslation('reliefGrants');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const householdId = params.get('householdId') ?? '';
  const funds = useGrantFunds(householdId);
  const [form] = Form.useForm<Values>();
  const submit = useMutation({
    mutationFn: (v: Values) =>
      requestGrant({
        householdId,
        fundId: v.fundId,
        amountFen: yuanToFen(v.amountYuan),
        reason: v.reason.trim(),
      }),
    onSuccess: (g) => void navigate(`/relief-grants/${g.id}`),
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });
  return (
    <PageContainer
      title={t('request.title')}
      crumbs={[[t('detail.toHousehold'), `/households/${householdId}`]]}
    >
      <Card style={{ maxWidth: 640 }}>
        <Typography.Paragraph type="secondary">{t('request.intro')}</Typography.Paragraph>
        <QueryState isLoading={funds.isLoading} error={funds.error}>
          {funds.data && funds.data.length === 0 ? (
            <Alert type="warning" showIcon message={t('request.noFund')} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ fundId: funds.data?.[0]?.id }}
              onFinish={(v) => submit.mutate(v)}
            >
              <Form.Item
                name="fundId"
                label={t('request.fund')}
                rules={[{ required: true, message: t('request.required') }]}
              >
                <Select
                  options={(funds.data ?? []).map((f) => ({
                    value: f.id,
                    label: t('request.fundOption', {
                      name: f.name,
                      balance: formatYuan(f.balanceFen),
                    }),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="amountYuan"
                label={t('request.amount')}
                rules={[{ required: true, message: t('request.required') }]}
              >
                <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('request.reason')}
                rules={[{ required: true, whitespace: true, message: t('request.required') }]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  placeholder={t('request.reasonPlaceholder')}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={submit.isPending}>
                {t('request.submit')}
              </Button>
            </Form>
          )}
        </QueryState>
      </Card>
    </PageContainer>
  );
}
