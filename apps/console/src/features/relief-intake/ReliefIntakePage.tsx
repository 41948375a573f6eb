import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText } from '@/components/QueryState';
import { useCategories } from '@/features/assistance/api';
import { useCommunities } from '@/features/households/api';
import { useLead } from '@/features/leads/api';
import { idNumberProblem, normalizeIdNumber } from '@/features/households/id-number';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatDate, formatYuan, yuanToFen } from '@/lib/format';
import { uploadIntakeFile } from '@/lib/upload';
import {
  type EmergencyIntake,
  type NewEmergencyIntake,
  registerIntake,
  reliefIntakeKeys,
  useCommunityFunds,
} from './api';

interface Values {
  communityId: string;
  residency: NonNullable<NewEmergencyIntake['residency']>;
  headName: string;
  headIdNumber: string;
  phone?: string;
  address?: string;
  situation: string;
  needs: Array<{ categoryCode: string; note?: string }>;
  amountYuan?: number | null;
  fundId?: string;
}

/** What POST /api/emergency-intakes/{id}/files accepts (the API checks the content too). */
const FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx';

/** The API's field names where this form names them otherwise. */
const FORM_FIELD: Record<string, string> = {
  'members[0].name': 'headName',
  'members[0].idNumber': 'headIdNumber',
  amountRequestedFen: 'amountYuan',
};

/**
 * /relief/intake (急难登记): a one-column short form that works on a phone — the family's head,
 * what happened, what is needed now, an amount — registering (or updating) the household
 * without the full assessment. `?leadId=` (from a lead's triage) is passed on.
 */
export function ReliefIntakePage() {
  const { t } = useTranslation(['reliefIntake', 'households']);
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const leadId = params.get('leadId') ?? undefined;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState<EmergencyIntake | null>(null);
  const [uploading, setUploading] = useState(false);
  const communities = useCommunities();
  const categories = useCategories();
  const residency = useOptions('residency');
  const label = useLabel();
  const required = [{ required: true, message: t('intake.required') }];
  const communityId = Form.useWatch('communityId', form);
  const amountYuan = Form.useWatch('amountYuan', form);
  const funds = useCommunityFunds(communityId);
  // From a lead's triage: what the reporter said fills the form (the identity number is only
  // shown masked on a lead, so the officer types it).
  const lead = useLead(leadId ?? '', !!leadId);
  const prefilled = !!lead.data;
  // Once: a refetch of the lead must not overwrite what the officer has corrected since.
  const filledFrom = useRef<string | null>(null);
  useEffect(() => {
    if (!lead.data || filledFrom.current === lead.data.id) return;
    filledFrom.current = lead.data.id;
    form.setFieldsValue({
      communityId: lead.data.communityId,
      headName: lead.data.subjectName,
      address: lead.data.address ?? undefined,
      situation: lead.data.situation,
    });
  }, [lead.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      registerIntake({
        communityId: v.communityId,
        residency: v.residency,
        phone: v.phone?.trim() || undefined,
        address: v.address?.trim() || undefined,
        members: [
          {
            name: v.headName.trim(),
            relation: 'self',
            idNumber: normalizeIdNumber(v.headIdNumber),
          },
        ],
        situation: v.situation.trim(),
        needs: v.needs.map((n) => ({
          categoryCode: n.categoryCode,
          note: n.note?.trim() || undefined,
        })),
        amountRequestedFen: typeof v.amountYuan === 'number' ? yuanToFen(v.amountYuan) : undefined,
        fundId: typeof v.amountYuan === 'number' && v.amountYuan > 0 ? v.fundId : undefined,
        leadId,
      }),
    onSuccess: (intake) => {
      void queryClient.invalidateQueries({ queryKey: reliefIntakeKeys.all });
      form.resetFields();
      setSaved(intake);
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => {
        const name = f.name.join('.').replace(/\.(\d+)/g, '[$1]');
        return { ...f, name: FORM_FIELD[name] ? [FORM_FIELD[name]] : f.name };
      });
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });

  return (
    <PageContainer title={t('intake.title')}>
      <Card style={{ maxWidth: 560 }}>
        {saved ? (
          <Result
            status="success"
            title={t('intake.saved')}
            subTitle={
              <>
                {t(saved.registeredHousehold ? 'intake.savedRegistered' : 'intake.savedUpdated', {
                  name: saved.headName ?? '—',
                })}
                {saved.followUp && (
                  <div>{t('intake.followUpDue', { date: formatDate(saved.followUp.dueAt) })}</div>
                )}
                {saved.grantId && (
                  <div>
                    {t('intake.grantRequested', { amount: formatYuan(saved.amountRequestedFen) })}
                  </div>
                )}
                {/* Paperwork after: the supporting files come once the family is registered. */}
                <div style={{ marginTop: 12 }}>
                  <Upload
                    accept={FILE_ACCEPT}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      setUploading(true);
                      uploadIntakeFile(saved.id, file)
                        .then((uploaded) =>
                          setSaved((s) => s && { ...s, files: [...s.files, uploaded] }),
                        )
                        .catch((e: unknown) => void message.error(errorText(e)))
                        .finally(() => setUploading(false));
                      return false;
                    }}
                  >
                    <Button icon={<UploadOutlined />} loading={uploading}>
                      {t('intake.upload')}
                    </Button>
                  </Upload>
                  {saved.files.map((f) => (
                    <div key={f.id} data-testid="intake-file">
                      {t('intake.uploaded', { name: f.originalName })}
                    </div>
                  ))}
                </div>
              </>
            }
            extra={
              <Flex gap={8} justify="center" wrap>
                <Link to={`/households/${saved.householdId}`}>
                  <Button type="primary">{t('intake.toHousehold')}</Button>
                </Link>
                {saved.grantId && (
                  <Link to={`/relief-grants/${saved.grantId}`}>
                    <Button>{t('intake.toGrant')}</Button>
                  </Link>
                )}
                <Button onClick={() => setSaved(null)}>{t('intake.another')}</Button>
              </Flex>
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('intake.intro')}</Typography.Paragraph>
            {leadId && (
              <Typography.Paragraph type="warning">
                {t('intake.fromLead')}
                {prefilled && ` ${t('intake.prefilled')}`}
              </Typography.Paragraph>
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ residency: 'local', needs: [{}] }}
              onFinish={(v) => save.mutate(v)}
            >
              <Form.Item name="communityId" label={t('intake.community')} rules={required}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={communities.isLoading}
                  options={(communities.data?.items ?? []).map((a) => ({
                    value: a.id,
                    label: a.name,
                  }))}
                />
              </Form.Item>
              <Form.Item name="residency" label={t('intake.residency')} rules={required}>
                <Select options={residency} />
              </Form.Item>
              <Form.Item name="headName" label={t('intake.headName')} rules={required}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="headIdNumber"
                label={t('intake.headIdNumber')}
                extra={t('intake.idNumberHelp')}
                rules={[
                  ...required,
                  {
                    validator: (_r, value: string | undefined) => {
                      const problem = value ? idNumberProblem(value) : null;
                      return problem
                        ? Promise.reject(new Error(t(`households:idNumber.${problem}`)))
                        : Promise.resolve();
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" inputMode="text" />
              </Form.Item>
              <Form.Item name="phone" label={t('intake.phone')}>
                <Input maxLength={20} inputMode="tel" autoComplete="off" />
              </Form.Item>
              <Form.Item name="address" label={t('intake.address')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name="situation"
                label={t('intake.situation')}
                extra={t('intake.situationHelp')}
                rules={required}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={2000}
                  placeholder={t('intake.situationPlaceholder')}
                />
              </Form.Item>
              <Typography.Text strong>{t('intake.needs')}</Typography.Text>
              <Form.List name="needs">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Card
                        key={field.key}
                        size="small"
                        style={{ marginTop: 8 }}
                        extra={
                          fields.length > 1 && (
                            <Button
                              type="text"
                              size="small"
                              icon={<MinusCircleOutlined />}
                              aria-label={`${t('intake.removeNeed')} ${i + 1}`}
                              onClick={() => remove(field.name)}
                            />
                          )
                        }
                      >
                        <Form.Item
                          name={[field.name, 'categoryCode']}
                          label={`${t('intake.category')} ${i + 1}`}
                          rules={required}
                        >
                          <Select
                            showSearch
                            optionFilterProp="label"
                            loading={categories.isLoading}
                            options={(categories.data ?? []).map((c) => ({
                              value: c.code,
                              label: label('category', c.code),
                            }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'note']}
                          label={`${t('intake.note')} ${i + 1}`}
                          style={{ marginBottom: 0 }}
                        >
                          <Input maxLength={200} />
                        </Form.Item>
                      </Card>
                    ))}
                    {fields.length < 10 && (
                      <Button
                        type="dashed"
                        block
                        icon={<PlusOutlined />}
                        style={{ margin: '8px 0 16px' }}
                        onClick={() => add({})}
                      >
                        {t('intake.addNeed')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
              <Form.Item
                name="amountYuan"
                label={t('intake.amount')}
                extra={t('intake.amountHelp')}
              >
                <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
              </Form.Item>
              {typeof amountYuan === 'number' && amountYuan > 0 && (
                <Form.Item
                  name="fundId"
                  label={t('intake.fund')}
                  rules={[{ required: true, message: t('intake.fundRequired') }]}
                >
                  <Select
                    loading={funds.isLoading}
                    disabled={!communityId}
                    options={(funds.data ?? []).map((f) => ({
                      value: f.id,
                      label: t('intake.fundOption', {
                        name: f.name,
                        balance: formatYuan(f.balanceFen),
                      }),
                    }))}
                  />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" block size="large" loading={save.isPending}>
                {t('intake.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </PageContainer>
  );
}
