import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { idNumberProblem, normalizeIdNumber } from '@/features/households/id-number';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useMe } from '@/lib/auth';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { yuanToFen } from '@/lib/format';
import {
  type AssistanceEntry,
  type NewAssistanceEntry,
  assistanceKeys,
  recordEntry,
  useCategories,
  useGrantingOrganizations,
} from './api';

interface Values {
  idNumber?: string;
  categoryCode: string;
  title: string;
  form: NewAssistanceEntry['form'];
  frequency: NewAssistanceEntry['frequency'];
  amountYuan?: number | null;
  units?: number | null;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  providerId?: string;
  grantedBy?: string;
  note?: string;
}

/** The API's field names where the form names them otherwise. */
const FORM_FIELD: Record<string, keyof Values> = {
  amountFen: 'amountYuan',
  householdId: 'idNumber',
};
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The record form: for a household already open (`householdId`) or by a member's identity
 * number. A provider's user grants as its organization; staff name the granting organization.
 */
export function AssistanceEntryForm({
  householdId,
  onSaved,
}: {
  householdId?: string;
  onSaved: (entry: AssistanceEntry) => void;
}) {
  const { t } = useTranslation(['assistance', 'households']);
  const { message } = App.useApp();
  const me = useMe();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const forms = useOptions('resourceForm');
  const frequencies = useOptions('assistanceFrequency');
  const frequency = Form.useWatch('frequency', form);
  const monthly = frequency === 'monthly';
  const staff = me.role !== 'provider';
  const organizations = useGrantingOrganizations(staff);
  const providerId = Form.useWatch('providerId', form);
  const required = [{ required: true, message: t('form.required') }];

  const save = useMutation({
    mutationFn: (v: Values) =>
      recordEntry({
        ...(householdId ? { householdId } : { idNumber: normalizeIdNumber(v.idNumber ?? '') }),
        categoryCode: v.categoryCode,
        title: v.title.trim(),
        form: v.form,
        frequency: v.frequency,
        amountFen: typeof v.amountYuan === 'number' ? yuanToFen(v.amountYuan) : undefined,
        units: v.units ?? undefined,
        startsOn: day(v.startsOn),
        endsOn: monthly && v.endsOn ? day(v.endsOn) : undefined,
        providerId: staff ? v.providerId : undefined,
        grantedBy: staff && !v.providerId ? v.grantedBy?.trim() || undefined : undefined,
        note: v.note?.trim() || undefined,
      }),
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: assistanceKeys.all });
      form.resetFields();
      onSaved(entry);
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => ({
        ...f,
        name: [FORM_FIELD[String(f.name[0])] ?? f.name[0]],
      }));
      // No household within reach: said beside the number typed (the answer reveals nothing more).
      if (e instanceof ApiError && e.code === 'ASSISTANCE_PERSON_NOT_FOUND')
        fields.push({ name: ['idNumber'], errors: [e.message] });
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ form: 'cash', frequency: 'one_off' }}
      onFinish={(v) => save.mutate(v)}
    >
      {!householdId && (
        <Form.Item
          name="idNumber"
          label={t('form.idNumber')}
          extra={t('form.idNumberHelp')}
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
          <Input maxLength={18} autoComplete="off" style={{ maxWidth: 320 }} />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="categoryCode" label={t('form.category')} rules={required}>
            <Select
              loading={categories.isLoading}
              options={(categories.data ?? []).map((c) => ({
                value: c.code,
                label: label('category', c.code),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="title" label={t('form.itemTitle')} rules={required}>
            <Input maxLength={100} placeholder={t('form.itemTitlePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="form" label={t('form.form')} rules={required}>
            <Radio.Group options={forms} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="frequency" label={t('form.frequency')} rules={required}>
            <Radio.Group options={frequencies} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="amountYuan" label={t(monthly ? 'form.amountMonthly' : 'form.amount')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="units" label={t('form.units')}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="startsOn"
            label={t(monthly ? 'form.startsOnMonthly' : 'form.startsOn')}
            rules={required}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {monthly && (
          <Col xs={24} md={12}>
            <Form.Item name="endsOn" label={t('form.endsOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {staff && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="providerId" label={t('form.grantingOrg')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                loading={organizations.isLoading}
                options={(organizations.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          </Col>
          {!providerId && (
            <Col xs={24} md={12}>
              <Form.Item name="grantedBy" label={t('form.grantedBy')} rules={required}>
                <Input maxLength={100} placeholder={t('form.grantedByPlaceholder')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      <Form.Item name="note" label={t('form.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('form.submit')}
      </Button>
    </Form>
  );
}
