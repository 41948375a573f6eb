import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { yuanToFen } from '@/lib/format';
import { useCase } from '../api';
import { type CheckIn, type NewCheckIn, checkInKeys } from './api';

type Health = 'newSeriousIllness' | 'newDisability' | 'hospitalStay';
type Housing = 'lostHousing' | 'housingDamage' | 'rentArrears';

interface Values {
  mode: NewCheckIn['mode'];
  incomeChange: NewCheckIn['incomeChange'];
  newMonthlyIncomeYuan?: number | null;
  health: Health[];
  memberChanges: NewCheckIn['memberChanges'];
  housing: Housing[];
  newDifficulties: string[];
  difficultyNote?: string;
  conclusion: string;
}

function toBody(v: Values): NewCheckIn {
  return {
    mode: v.mode,
    incomeChange: v.incomeChange,
    newMonthlyIncomeFen:
      v.incomeChange !== 'unchanged' && typeof v.newMonthlyIncomeYuan === 'number'
        ? yuanToFen(v.newMonthlyIncomeYuan)
        : undefined,
    newSeriousIllness: v.health.includes('newSeriousIllness'),
    newDisability: v.health.includes('newDisability'),
    hospitalStay: v.health.includes('hospitalStay'),
    memberChanges: v.memberChanges,
    lostHousing: v.housing.includes('lostHousing'),
    housingDamage: v.housing.includes('housingDamage'),
    rentArrears: v.housing.includes('rentArrears'),
    newDifficulties: v.newDifficulties,
    difficultyNote: v.difficultyNote?.trim() || undefined,
    conclusion: v.conclusion.trim(),
  };
}

/** The API's field names where this form groups them (booleans into checkbox groups). */
const FORM_FIELD: Record<string, keyof Values> = {
  newSeriousIllness: 'health',
  newDisability: 'health',
  hospitalStay: 'health',
  lostHousing: 'housing',
  housingDamage: 'housing',
  rentArrears: 'housing',
  newMonthlyIncomeFen: 'newMonthlyIncomeYuan',
  newDifficulties: 'newDifficulties',
};

/** Big touch targets: one option a line, the whole line clickable. */
const bigChoices = { display: 'flex', flexDirection: 'column', gap: 12 } as const;
const bigRadios = { display: 'flex', flexWrap: 'wrap', rowGap: 8 } as const;

/**
 * /cases/:id/check-in: the light check-in on a phone — a handful of questions in one column,
 * then what the answers led to (new needs being matched, a reassessment due).
 */
export function CheckInPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation('caseCheckins');
  const { message } = App.useApp();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kase = useCase(id);
  const [done, setDone] = useState<CheckIn | null>(null);
  const modes = useOptions('checkInMode');
  const incomeChanges = useOptions('incomeChange');
  const memberChanges = useOptions('memberChange');
  const categories = useOptions('category');
  const incomeChange = Form.useWatch('incomeChange', form);

  const record = useMutation({
    mutationFn: (v: Values) =>
      call(api.POST('/api/cases/{id}/check-ins', { params: { path: { id } }, body: toBody(v) })),
    onSuccess: (result) => {
      setDone(result);
      void queryClient.invalidateQueries({ queryKey: checkInKeys.ofCase(id) });
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => ({
        ...f,
        name: [FORM_FIELD[String(f.name[0])] ?? f.name[0]],
      }));
      if (fields.length) {
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        form.scrollToField(fields[0].name);
      } else void message.error(errorText(e));
    },
  });

  const c = kase.data;
  const crumbs: [string, string][] = [
    [t('crumbCases'), '/cases'],
    [c?.headName ?? t('crumbCase'), `/cases/${id}`],
  ];
  const required = [{ required: true, message: t('required') }];

  return (
    <PageContainer
      title={t('title')}
      crumbs={crumbs}
      subTitle={c && t('household', { name: c.headName ?? '—', community: c.communityName })}
    >
      <QueryState isLoading={kase.isLoading} error={kase.error}>
        <div style={{ maxWidth: 640 }}>
          {done ? (
            <Outcome
              result={done}
              caseId={id}
              householdId={c?.householdId}
              onAnother={() => {
                form.resetFields();
                setDone(null);
              }}
              label={label}
            />
          ) : c?.status === 'closed' ? (
            <Alert type="warning" showIcon message={t('closed')} />
          ) : (
            <Form<Values>
              form={form}
              layout="vertical"
              size="large"
              scrollToFirstError
              initialValues={{
                mode: search.get('mode') === 'visit' ? 'visit' : 'phone',
                incomeChange: 'unchanged',
                health: [],
                memberChanges: [],
                housing: [],
                newDifficulties: [],
              }}
              onFinish={(v) => record.mutate(v)}
            >
              <Form.Item name="mode" label={t('mode')} rules={required}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={modes}
                  style={bigRadios}
                />
              </Form.Item>
              <Card size="small" title={t('income.section')} style={{ marginBottom: 16 }}>
                <Form.Item name="incomeChange" label={t('income.change')} rules={required}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={incomeChanges}
                    style={bigRadios}
                  />
                </Form.Item>
                {incomeChange && incomeChange !== 'unchanged' && (
                  <Form.Item name="newMonthlyIncomeYuan" label={t('income.newIncome')}>
                    <InputNumber
                      min={0}
                      precision={2}
                      inputMode="decimal"
                      style={{ width: '100%' }}
                      addonAfter={t('income.yuan')}
                    />
                  </Form.Item>
                )}
              </Card>
              <Card size="small" title={t('health.section')} style={{ marginBottom: 16 }}>
                <Form.Item name="health" label={t('health.label')}>
                  <Checkbox.Group
                    style={bigChoices}
                    options={(['newSeriousIllness', 'newDisability', 'hospitalStay'] as const).map(
                      (k) => ({ value: k, label: t(`health.${k}`) }),
                    )}
                  />
                </Form.Item>
              </Card>
              <Card size="small" title={t('members.section')} style={{ marginBottom: 16 }}>
                <Form.Item name="memberChanges" label={t('members.label')}>
                  <Checkbox.Group style={bigChoices} options={memberChanges} />
                </Form.Item>
              </Card>
              <Card size="small" title={t('housing.section')} style={{ marginBottom: 16 }}>
                <Form.Item name="housing" label={t('housing.label')}>
                  <Checkbox.Group
                    style={bigChoices}
                    options={(['lostHousing', 'housingDamage', 'rentArrears'] as const).map(
                      (k) => ({ value: k, label: t(`housing.${k}`) }),
                    )}
                  />
                </Form.Item>
              </Card>
              <Card size="small" title={t('difficulties.section')} style={{ marginBottom: 16 }}>
                <Form.Item name="newDifficulties" label={t('difficulties.categories')}>
                  <Select
                    mode="multiple"
                    options={categories}
                    placeholder={t('difficulties.categoriesPlaceholder')}
                    optionFilterProp="label"
                  />
                </Form.Item>
                <Form.Item name="difficultyNote" label={t('difficulties.note')}>
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
              </Card>
              <Form.Item name="conclusion" label={t('conclusion')} rules={required}>
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  placeholder={t('conclusionPlaceholder')}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={record.isPending}>
                {t('submit')}
              </Button>
            </Form>
          )}
        </div>
      </QueryState>
    </PageContainer>
  );
}

function Outcome({
  result,
  caseId,
  householdId,
  onAnother,
  label,
}: {
  result: CheckIn;
  caseId: string;
  householdId?: string;
  onAnother: () => void;
  label: ReturnType<typeof useLabel>;
}) {
  const { t } = useTranslation('caseCheckins');
  const nothing = result.openedNeeds.length === 0 && !result.reassessmentRequired;
  return (
    <Flex vertical gap={12}>
      <Result
        style={{ padding: '16px 0 0' }}
        status={nothing ? 'success' : 'info'}
        title={t('outcome.title')}
        subTitle={nothing ? t('outcome.nothing') : undefined}
      />
      <Flex vertical gap={12} data-testid="check-in-outcome">
        {result.openedNeeds.length > 0 && (
          <Alert
            type="success"
            showIcon
            message={t('outcome.newNeeds')}
            description={
              <Flex wrap gap={4}>
                {result.openedNeeds.map((code) => (
                  <Tag key={code} color="blue">
                    {label('category', code)}
                  </Tag>
                ))}
              </Flex>
            }
          />
        )}
        {result.reassessmentRequired && (
          <Alert
            type="warning"
            showIcon
            message={t('outcome.reassess')}
            description={
              <>
                <Flex wrap gap={4} style={{ marginBottom: 4 }}>
                  {result.reassessmentReasons.map((r) => (
                    <Tag key={r} color="orange">
                      {label('reassessmentReason', r)}
                    </Tag>
                  ))}
                </Flex>
                {t('outcome.reassessHint')}
              </>
            }
          />
        )}
      </Flex>
      <Link to={`/cases/${caseId}`}>
        <Button type="primary" size="large" block>
          {t('outcome.backToCase')}
        </Button>
      </Link>
      {result.reassessmentRequired && householdId && (
        <Link to={`/households/${householdId}`}>
          <Button size="large" block>
            {t('outcome.startAssessment')}
          </Button>
        </Link>
      )}
      <Button size="large" block onClick={onAnother}>
        {t('outcome.another')}
      </Button>
    </Flex>
  );
}
