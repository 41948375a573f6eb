import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText } from '@/components/QueryState';
import { useAreasInScope } from '@/features/areas/api';
import { useCategories } from '@/features/assistance/api';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { BEIJING, yuanToFen } from '@/lib/format';
import { createFund, fundKeys, type NewFund } from './api';

interface Values {
  kind: NewFund['kind'];
  name: string;
  areaId: string;
  managingOffice: string;
  budget: number;
  threshold: number;
  periodStart: string;
  periodEnd: string;
  restrictedCategoryCode?: string;
}

/** /relief-funds/new: a reserve or donation fund of an area in the officer's scope. */
export function ReliefFundFormPage() {
  const { t } = useTranslation('reliefFunds');
  const label = useLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const areas = useAreasInScope();
  const categories = useCategories();
  const kinds = useOptions('fundKind');
  // The budget year in Beijing, whatever the browser's zone (31 Dec 20:00 in Europe is 1 Jan here).
  const year = dayjs().tz(BEIJING).year();
  const create = useMutation({
    mutationFn: (v: Values) =>
      createFund({
        kind: v.kind,
        name: v.name.trim(),
        areaId: v.areaId,
        managingOffice: v.managingOffice.trim(),
        budgetFen: yuanToFen(v.budget),
        thresholdFen: yuanToFen(v.threshold),
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        ...(v.restrictedCategoryCode ? { restrictedCategoryCode: v.restrictedCategoryCode } : {}),
      }),
    onSuccess: (fund) => {
      void queryClient.invalidateQueries({ queryKey: fundKeys.all });
      void navigate(`/relief-funds/${fund.id}`);
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => ({
        ...f,
        name: f.name.map((n) =>
          n === 'budgetFen' ? 'budget' : n === 'thresholdFen' ? 'threshold' : n,
        ),
      }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });
  const required = [{ required: true, message: t('fund.required') }];

  return (
    <PageContainer title={t('form.title')} crumbs={[[t('list.title'), '/relief-funds']]}>
      <Card style={{ maxWidth: 640 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            kind: 'reserve',
            threshold: 0,
            periodStart: `${year}-01-01`,
            periodEnd: `${year}-12-31`,
          }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="kind" label={t('form.kind')} rules={required}>
            <Select options={kinds} />
          </Form.Item>
          <Form.Item name="name" label={t('form.name')} rules={required}>
            <Input maxLength={100} placeholder={t('form.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="areaId" label={t('form.area')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={areas.isLoading}
              options={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
          <Form.Item name="managingOffice" label={t('form.office')} rules={required}>
            <Input maxLength={100} placeholder={t('form.officePlaceholder')} />
          </Form.Item>
          <Form.Item name="budget" label={t('form.budget')} rules={required}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="threshold" label={t('form.threshold')} rules={required}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="periodStart" label={t('form.periodStart')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('form.periodEnd')} rules={required}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="restrictedCategoryCode" label={t('form.restricted')}>
            <Select
              allowClear
              options={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: label('category', c.code),
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('form.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
