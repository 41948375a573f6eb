import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Steps,
  Typography,
} from 'antd';
import type { FormInstance, InputNumberProps } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { AreaSelect } from '@/features/areas/AreaSelect';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatYuan, yuanToFen } from '@/lib/format';
import { type ProjectDetail, usePublish, useProject, useSaveDraft } from './api';
import {
  DIMENSIONS,
  REQUIRED_CRITERIA,
  STEPS,
  type WizardValues,
  closesAtIso,
  fromProject,
  placeErrors,
  toBody,
  total,
} from './wizard';

/** The API's field names are only known at run time. */
type Fields = Parameters<FormInstance<WizardValues>['setFields']>[0];

/** New tender, or a saved draft (`/procurement/:id/edit`) once it has loaded. */
export function TenderWizard() {
  const { id } = useParams<{ id: string }>();
  const project = useProject(id);
  if (!id) return <WizardForm />;
  return (
    <QueryState isLoading={project.isLoading} error={project.error}>
      {project.data &&
        // Only a draft is edited; a published tender's terms are frozen.
        (project.data.status === 'draft' ? (
          <WizardForm draft={project.data} />
        ) : (
          <Navigate to={`/procurement/${project.data.id}`} replace />
        ))}
    </QueryState>
  );
}

/** A read-only running total beside a list, and the item the API's sum errors are put on. */
function Total({ sum, testId }: { sum: number; testId: string }) {
  const { t } = useTranslation('procurement');
  return (
    <Typography.Text strong type={sum === 100 ? 'success' : 'warning'} data-testid={testId}>
      {t('wizard.totalValue', { sum })}
    </Typography.Text>
  );
}

function WizardForm({ draft }: { draft?: ProjectDetail }) {
  const { t } = useTranslation(['procurement', 'common']);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const label = useLabel();
  const categories = useOptions('category');
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  /** The step the API's last refusal was about, marked in the steps bar until the form changes. */
  const [errorStep, setErrorStep] = useState<number | null>(null);
  const [savedId, setSavedId] = useState(draft?.id);
  const save = useSaveDraft(savedId);
  const publish = usePublish();
  const criteria = Form.useWatch('criteria', form);
  const milestones = Form.useWatch('milestones', form);
  const weights = Form.useWatch('evaluationWeights', form);
  const budget = Form.useWatch('budgetYuan', form);

  const initial = useMemo<WizardValues>(
    () =>
      draft
        ? fromProject(draft)
        : {
            requirements: {
              minCertifiedSocialWorkers: 0,
              minYearsOperating: 0,
              verifiedOnly: true,
            },
            criteria: REQUIRED_CRITERIA.map((code) => ({
              code,
              name: label('criterion', code),
              weight: null,
            })),
            milestones: [],
            evaluationWeights: {
              administrativeSupervision: 20,
              serviceOutcomes: 40,
              projectManagement: 20,
              socialImpact: 20,
            },
          },
    // The labels arrive with the dictionaries; the form takes its initial values once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft],
  );

  const stepTitle = (i: number) => t(`wizard.steps.${STEPS[i]}`);

  /** The API's refusal: on its step and field if it has one, else as a message. */
  function refused(error: unknown) {
    const placed = placeErrors(error, (code, details) => {
      const missing = Array.isArray(details.missing) ? (details.missing as string[]) : [];
      if (code === 'CRITERIA_INVALID' && missing.length)
        return t('wizard.missingDetail', {
          codes: missing.map((c) => label('criterion', c)).join('、'),
        });
      return typeof details.sum === 'number'
        ? t('wizard.sumDetail', { sum: details.sum })
        : undefined;
    });
    if (!placed) {
      message.error(errorText(error));
      return;
    }
    setStep(placed.step);
    setErrorStep(placed.step);
    form.setFields(placed.fields as Fields);
    message.error(t('wizard.fix', { step: stepTitle(placed.step) }));
  }

  async function saveDraft(): Promise<string | null> {
    try {
      const saved = await save.mutateAsync(toBody(form.getFieldsValue(true)));
      const newId = (saved as ProjectDetail).id;
      if (!savedId) {
        setSavedId(newId);
        window.history.replaceState(null, '', `/procurement/${newId}/edit`);
      }
      return newId;
    } catch (error) {
      refused(error);
      return null;
    }
  }

  function askPublish() {
    const closesAt = form.getFieldValue('closesAt') as WizardValues['closesAt'];
    if (!closesAt) {
      setStep(STEPS.indexOf('window'));
      form.setFields([{ name: ['closesAt'], errors: [t('wizard.closesAtRequired')] }]);
      return;
    }
    modal.confirm({
      title: t('wizard.publishTitle'),
      content: t('wizard.publishBody', { closesAt: closesAt.format('YYYY-MM-DD HH:mm') }),
      okText: t('wizard.publish'),
      onOk: async () => {
        const projectId = await saveDraft();
        if (!projectId) return;
        try {
          await publish.mutateAsync({ id: projectId, closesAt: closesAtIso(closesAt) });
          message.success(t('wizard.published'));
          navigate(`/procurement/${projectId}`);
        } catch (error) {
          refused(error);
        }
      },
    });
  }

  const show = (s: (typeof STEPS)[number]) => ({ display: STEPS[step] === s ? undefined : 'none' });
  const budgetFen =
    budget === undefined || budget === null || budget === '' ? null : yuanToFen(budget);

  return (
    <PageContainer
      title={draft ? t('wizard.titleEdit') : t('wizard.titleNew')}
      crumbs={[[t('title'), '/procurement']]}
    >
      <Card>
        <Steps
          current={step}
          onChange={setStep}
          size="small"
          style={{ marginBottom: 24 }}
          items={STEPS.map((s, i) => ({
            title: t(`wizard.steps.${s}`),
            ...(i === errorStep ? { status: 'error' as const } : {}),
          }))}
        />
        <Form<WizardValues>
          form={form}
          name="tender"
          layout="vertical"
          initialValues={initial}
          onValuesChange={(changed: Partial<WizardValues>) => {
            setErrorStep(null);
            // A total's error goes once its list changes; the API judges it again on save.
            const clear = [
              changed.criteria && 'criteriaTotal',
              changed.milestones && 'milestonesTotal',
              changed.evaluationWeights && 'weightsTotal',
            ].filter(Boolean) as string[];
            if (clear.length)
              form.setFields(clear.map((name) => ({ name: [name], errors: [] })) as Fields);
          }}
        >
          <div style={show('basic')} data-testid="step-basic">
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name="title" label={t('wizard.title')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="categoryCode" label={t('wizard.category')}>
                  <Select options={categories} showSearch optionFilterProp="label" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="areaId" label={t('wizard.area')}>
                  <AreaSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="budgetYuan" label={t('wizard.budget')}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="targetHouseholds" label={t('wizard.target')}>
                  <WholeNumber />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="servicePeriod" label={t('wizard.servicePeriod')}>
                  <DatePicker.RangePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </div>

          <div style={show('requirements')} data-testid="step-requirements">
            <Form.Item name="description" label={t('wizard.description')}>
              <Input.TextArea rows={5} maxLength={10_000} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['requirements', 'minCertifiedSocialWorkers']}
                  label={t('wizard.minWorkers')}
                >
                  <WholeNumber />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['requirements', 'minYearsOperating']}
                  label={t('wizard.minYears')}
                >
                  <WholeNumber />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['requirements', 'verifiedOnly']}
                  valuePropName="checked"
                  label=" "
                >
                  <Checkbox>{t('wizard.verifiedOnly')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          </div>

          <div style={show('criteria')} data-testid="step-criteria">
            <Intro text={t('wizard.criteriaIntro')} />
            <CriteriaList />
            <Form.Item name="criteriaTotal" label={t('wizard.criteriaTotal')}>
              <Total sum={total(criteria, (c) => c.weight)} testId="criteria-total" />
            </Form.Item>
          </div>

          <div style={show('milestones')} data-testid="step-milestones">
            <Intro text={t('wizard.milestonesIntro')} />
            <MilestoneList form={form} budgetFen={budgetFen} />
            <Form.Item name="milestonesTotal" label={t('wizard.milestonesTotal')}>
              <Total sum={total(milestones, (m) => m.sharePercent)} testId="milestones-total" />
            </Form.Item>
          </div>

          <div style={show('weights')} data-testid="step-weights">
            <Intro text={t('wizard.weightsIntro')} />
            <Row gutter={16}>
              {DIMENSIONS.map((d) => (
                <Col xs={24} md={6} key={d}>
                  <Form.Item
                    name={['evaluationWeights', d]}
                    label={`${label('evaluationDimension', d)}（%）`}
                  >
                    <WholeNumber max={100} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item name="weightsTotal" label={t('wizard.weightsTotal')}>
              <Total
                sum={total(
                  DIMENSIONS.map((d) => weights?.[d]),
                  (w) => w,
                )}
                testId="weights-total"
              />
            </Form.Item>
          </div>

          <div style={show('window')} data-testid="step-window">
            <Intro text={t('wizard.windowIntro')} />
            <Form.Item name="closesAt" label={t('wizard.closesAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </div>
        </Form>
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8 }}>
          <Flex gap={8}>
            <Button disabled={step === 0} onClick={() => setStep(step - 1)}>
              {t('wizard.prev')}
            </Button>
            <Button disabled={step === STEPS.length - 1} onClick={() => setStep(step + 1)}>
              {t('wizard.next')}
            </Button>
          </Flex>
          <Flex gap={8}>
            <Button
              loading={save.isPending && !publish.isPending}
              onClick={async () => {
                if (await saveDraft()) message.success(t('wizard.saved'));
              }}
            >
              {t('wizard.saveDraft')}
            </Button>
            <Button type="primary" loading={publish.isPending} onClick={askPublish}>
              {t('wizard.publish')}
            </Button>
          </Flex>
        </Flex>
      </Card>
    </PageContainer>
  );
}

function CriteriaList() {
  const { t } = useTranslation('procurement');
  return (
    <Form.List name="criteria">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row gutter={12} key={field.key} align="top" data-testid={`criterion-${field.name}`}>
              <Col xs={24} md={7}>
                <Form.Item name={[field.name, 'code']} label={t('wizard.code')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={9}>
                <Form.Item name={[field.name, 'name']} label={t('wizard.name')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={18} md={6}>
                <Form.Item name={[field.name, 'weight']} label={t('wizard.weight')}>
                  <WholeNumber max={100} />
                </Form.Item>
              </Col>
              <RemoveCol onRemove={() => remove(field.name)} />
            </Row>
          ))}
          <AddButton onAdd={() => add({ code: '', name: '', weight: null })}>
            {t('wizard.addCriterion')}
          </AddButton>
        </>
      )}
    </Form.List>
  );
}

function MilestoneList({
  form,
  budgetFen,
}: {
  form: FormInstance<WizardValues>;
  budgetFen: number | null;
}) {
  const { t } = useTranslation('procurement');
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => {
            const share = form.getFieldValue(['milestones', field.name, 'sharePercent']) as
              number | null;
            return (
              <Row gutter={12} key={field.key} align="top" data-testid={`milestone-${field.name}`}>
                <Col xs={24} md={9}>
                  <Form.Item name={[field.name, 'deliverable']} label={t('wizard.deliverable')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[field.name, 'dueDate']} label={t('wizard.dueDate')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[field.name, 'sharePercent']} label={t('wizard.share')}>
                    <WholeNumber max={100} />
                  </Form.Item>
                </Col>
                <Col xs={18} md={4}>
                  <Form.Item label={t('wizard.amount')}>
                    <Typography.Text>
                      {budgetFen !== null && share
                        ? formatYuan(Math.round((budgetFen * share) / 100))
                        : '—'}
                    </Typography.Text>
                  </Form.Item>
                </Col>
                <RemoveCol onRemove={() => remove(field.name)} />
              </Row>
            );
          })}
          <AddButton onAdd={() => add({ deliverable: '', dueDate: null, sharePercent: null })}>
            {t('wizard.addMilestone')}
          </AddButton>
        </>
      )}
    </Form.List>
  );
}

/** A whole number input for the wizard's counts and percentages (never negative). */
function WholeNumber(props: InputNumberProps<number>) {
  return <InputNumber min={0} precision={0} style={{ width: '100%' }} {...props} />;
}

/** A step's explanation above its fields. */
function Intro({ text }: { text: string }) {
  return <Alert type="info" showIcon message={text} style={{ marginBottom: 16 }} />;
}

/** A list row's delete button, level with the row's labelled fields. */
function RemoveCol({ onRemove }: { onRemove: () => void }) {
  const { t } = useTranslation('procurement');
  return (
    <Col xs={6} md={2}>
      <Form.Item label=" ">
        <Button aria-label={t('wizard.remove')} icon={<DeleteOutlined />} onClick={onRemove} />
      </Form.Item>
    </Col>
  );
}

/** A list's add button, below its rows. */
function AddButton({ onAdd, children }: { onAdd: () => void; children: ReactNode }) {
  return (
    <Button type="dashed" icon={<PlusOutlined />} onClick={onAdd} style={{ marginBottom: 16 }}>
      {children}
    </Button>
  );
}
