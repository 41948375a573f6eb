import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { yuanToFen } from '@/lib/format';
import { type NewHousehold, useCommunities } from './api';
import { derivedFromIdNumber, idNumberProblem } from './id-number';

interface MemberValues {
  name: string;
  relation: NewHousehold['members'][number]['relation'];
  idNumber: string;
  gender?: 'male' | 'female';
  birthDate?: Dayjs;
  disabilityGrade?: number;
  chronicIllness?: boolean;
  employment: NewHousehold['members'][number]['employment'];
  educationStage?: NewHousehold['members'][number]['educationStage'];
  monthlyIncomeYuan?: number;
}
interface Values {
  communityId: string;
  residency: NewHousehold['residency'];
  housing?: NewHousehold['housing'];
  phone?: string;
  address?: string;
  savingsYuan?: number;
  vehicles?: number;
  medicalExpenseYuan?: number;
  educationExpenseYuan?: number;
  members: MemberValues[];
}

const fen = (yuan: number | undefined) =>
  yuan === undefined || yuan === null ? 0 : yuanToFen(yuan);

/** What the API takes: money in fen, the birth date as a calendar day. */
function toBody(v: Values): NewHousehold {
  return {
    communityId: v.communityId,
    residency: v.residency,
    housing: v.housing ?? 'owned',
    phone: v.phone?.trim() || undefined,
    address: v.address?.trim() || undefined,
    savingsFen: fen(v.savingsYuan),
    vehicles: v.vehicles ?? 0,
    medicalExpenseFen: fen(v.medicalExpenseYuan),
    educationExpenseFen: fen(v.educationExpenseYuan),
    members: v.members.map((m) => ({
      name: m.name.trim(),
      relation: m.relation,
      idNumber: m.idNumber.trim().toUpperCase(),
      gender: m.gender,
      birthDate: m.birthDate?.format('YYYY-MM-DD'),
      disabilityGrade: m.disabilityGrade ?? 0,
      chronicIllness: !!m.chronicIllness,
      employment: m.employment,
      educationStage: m.educationStage ?? 'none',
      monthlyIncomeFen: fen(m.monthlyIncomeYuan),
    })),
  };
}

/** /households/new: register a household and its members; on success, its page. */
export function HouseholdNewPage() {
  const { t } = useTranslation('households');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [duplicateOf, setDuplicateOf] = useState<string | null | undefined>(undefined);
  const communities = useCommunities();
  const residency = useOptions('residency');
  const housing = useOptions('housingKind');
  const relation = useOptions('relation');
  const gender = useOptions('gender');
  const employment = useOptions('employmentStatus');
  const education = useOptions('educationStage');

  const register = useMutation({
    mutationFn: (values: Values) => call(api.POST('/api/households', { body: toBody(values) })),
    onSuccess: (h) => {
      void message.success(t('new.registered'));
      navigate(`/households/${h.id}`);
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) {
        // The API's name paths (members[0].idNumber) are this form's: each error beside its field.
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        form.scrollToField(fields[0].name);
      } else if (e instanceof ApiError && e.code === 'HOUSEHOLD_DUPLICATE') {
        const details = (e.body as { details?: { existingHouseholdId?: string } }).details;
        setDuplicateOf(details?.existingHouseholdId ?? null);
      } else void message.error(errorText(e));
    },
  });

  const idRule: Rule = {
    validator: (_r, value: string | undefined) => {
      if (!value) return Promise.resolve();
      const problem = idNumberProblem(value);
      return problem ? Promise.reject(new Error(t(`idNumber.${problem}`))) : Promise.resolve();
    },
  };
  /** A valid number states the birth date and gender: fill them in as soon as it is typed. */
  const onIdNumber = (index: number, value: string) => {
    const derived = derivedFromIdNumber(value);
    if (!derived) return;
    form.setFieldValue(['members', index, 'birthDate'], dayjs(derived.birthDate));
    form.setFieldValue(['members', index, 'gender'], derived.gender);
  };
  const money = { min: 0, precision: 2, style: { width: '100%' }, addonAfter: t('new.yuan') };

  return (
    <PageContainer title={t('new.title')} crumbs={[[t('list.title'), '/households']]}>
      {duplicateOf !== undefined && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="duplicate"
          message={t('new.duplicate')}
          action={
            duplicateOf && <Link to={`/households/${duplicateOf}`}>{t('new.openExisting')}</Link>
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        scrollToFirstError
        initialValues={{
          residency: 'local',
          housing: 'owned',
          members: [{ relation: 'self', employment: 'unemployed', educationStage: 'none' }],
        }}
        onFinish={(v) => {
          setDuplicateOf(undefined);
          register.mutate(v);
        }}
      >
        <Card title={t('new.household')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                name="communityId"
                label={t('field.community')}
                rules={[{ required: true, message: t('new.required') }]}
              >
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
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="residency" label={t('field.residency')} rules={[{ required: true }]}>
                <Select options={residency} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="housing" label={t('field.housing')}>
                <Select options={housing} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="phone" label={t('field.phone')}>
                <Input inputMode="tel" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="address" label={t('field.address')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={4}>
              <Form.Item name="savingsYuan" label={t('field.savings')}>
                <InputNumber {...money} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={3}>
              <Form.Item name="vehicles" label={t('field.vehicles')}>
                <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={5}>
              <Form.Item name="medicalExpenseYuan" label={t('field.medicalExpense')}>
                <InputNumber {...money} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={4}>
              <Form.Item name="educationExpenseYuan" label={t('field.educationExpense')}>
                <InputNumber {...money} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Card
              title={t('new.members')}
              size="small"
              extra={
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ relation: 'other', employment: 'unemployed', educationStage: 'none' })
                  }
                >
                  {t('new.addMember')}
                </Button>
              }
            >
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  type="inner"
                  size="small"
                  style={{ marginBottom: 12 }}
                  data-testid={`member-${index}`}
                  title={t('new.member', { n: index + 1 })}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                      >
                        {t('new.removeMember')}
                      </Button>
                    )
                  }
                >
                  <Row gutter={16}>
                    <Col xs={24} sm={12} lg={6}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('field.name')}
                        rules={[{ required: true, message: t('new.required') }]}
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} lg={4}>
                      <Form.Item
                        name={[field.name, 'relation']}
                        label={t('field.relation')}
                        rules={[{ required: true }]}
                      >
                        <Select options={relation} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} lg={8}>
                      <Form.Item
                        name={[field.name, 'idNumber']}
                        label={t('field.idNumber')}
                        validateTrigger={['onChange', 'onBlur']}
                        rules={[{ required: true, message: t('new.required') }, idRule]}
                      >
                        <Input
                          maxLength={18}
                          autoComplete="off"
                          onChange={(e) => onIdNumber(field.name, e.target.value)}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} lg={3}>
                      <Form.Item name={[field.name, 'gender']} label={t('field.gender')}>
                        <Select options={gender} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} lg={3}>
                      <Form.Item name={[field.name, 'birthDate']} label={t('field.birthDate')}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} lg={4}>
                      <Form.Item
                        name={[field.name, 'disabilityGrade']}
                        label={t('field.disabilityGrade')}
                        extra={t('field.disabilityHelp')}
                      >
                        <InputNumber min={0} max={4} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} lg={4}>
                      <Form.Item
                        name={[field.name, 'chronicIllness']}
                        label={t('field.chronicIllness')}
                        valuePropName="checked"
                      >
                        <Checkbox>{t('field.chronicIllnessYes')}</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} lg={5}>
                      <Form.Item
                        name={[field.name, 'employment']}
                        label={t('field.employment')}
                        rules={[{ required: true }]}
                      >
                        <Select options={employment} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} lg={5}>
                      <Form.Item name={[field.name, 'educationStage']} label={t('field.education')}>
                        <Select options={education} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} lg={6}>
                      <Form.Item
                        name={[field.name, 'monthlyIncomeYuan']}
                        label={t('field.monthlyIncome')}
                      >
                        <InputNumber {...money} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
            </Card>
          )}
        </Form.List>

        <Row justify="end" style={{ marginTop: 16 }} gutter={8}>
          <Col>
            <Button onClick={() => navigate('/households')}>{t('common:action.cancel')}</Button>
          </Col>
          <Col>
            <Button type="primary" htmlType="submit" loading={register.isPending}>
              {t('new.submit')}
            </Button>
          </Col>
        </Row>
      </Form>
    </PageContainer>
  );
}
