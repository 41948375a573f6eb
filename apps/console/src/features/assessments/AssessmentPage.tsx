import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Form,
  InputNumber,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import {
  answerText,
  type Answers,
  type Assessment,
  type Definition,
  definitionOf,
  sections,
  type TemplateItem,
} from './template';

export const assessmentKeys = {
  one: (id: string) => ['assessments', id] as const,
  templates: ['assessment-templates'] as const,
};

/**
 * One item's input by its type; choices as buttons (few options) or a select. Form.Item hands
 * value, onChange and id to its child: passed on to the input.
 */
function ItemInput({ item, ...control }: { item: TemplateItem } & Record<string, unknown>) {
  const { t } = useTranslation('assessments');
  const testId = { 'data-testid': `item-${item.code}` };
  if (item.type === 'boolean')
    return (
      <Radio.Group
        {...control}
        {...testId}
        optionType="button"
        options={[
          { value: true, label: t('yes') },
          { value: false, label: t('no') },
        ]}
      />
    );
  if (item.type === 'choice') {
    const options = item.options.map((o) => ({ value: o.value, label: o.label }));
    return options.length <= 4 ? (
      <Radio.Group {...control} {...testId} optionType="button" options={options} />
    ) : (
      <Select {...control} {...testId} style={{ maxWidth: 320 }} options={options} />
    );
  }
  return (
    <InputNumber {...control} {...testId} min={item.min} max={item.max} style={{ width: 200 }} />
  );
}

/** The form of a draft: one collapsible section per dimension, answered count in its header. */
function DraftForm({ assessment, definition }: { assessment: Assessment; definition: Definition }) {
  const { t } = useTranslation('assessments');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ answers: Answers }>();
  const answers = (Form.useWatch('answers', form) ?? assessment.answers) as Answers;
  const groups = useMemo(() => sections(definition), [definition]);
  const required = definition.items.filter((i) => i.required);
  const answered = required.filter(
    (i) => answers[i.code] !== undefined && answers[i.code] !== null,
  );

  /** Only answered items: the API merges, and rejects nulls for unanswered ones. */
  const currentAnswers = (): Answers =>
    Object.fromEntries(
      Object.entries(form.getFieldValue('answers') ?? {}).filter(
        ([, v]) => v !== undefined && v !== null,
      ),
    ) as Answers;

  const onError = (e: unknown) => {
    const fields = formFieldErrors(e);
    if (fields.length) {
      form.setFields(fields);
      void message.error(errorText(e));
    } else void message.error(errorText(e));
  };
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/assessments/{id}', {
          params: { path: { id: assessment.id } },
          body: { answers: currentAnswers() },
        }),
      ),
    onSuccess: (a) => {
      queryClient.setQueryData(assessmentKeys.one(a.id), a);
      void message.success(t('saved'));
    },
    onError,
  });
  const complete = useMutation({
    mutationFn: async () => {
      // Save what is on screen first: completion reads the stored answers.
      await call(
        api.PATCH('/api/assessments/{id}', {
          params: { path: { id: assessment.id } },
          body: { answers: currentAnswers() },
        }),
      );
      return call(
        api.POST('/api/assessments/{id}/complete', {
          params: { path: { id: assessment.id } },
          body: {},
        }),
      );
    },
    onSuccess: (a) => {
      queryClient.setQueryData(assessmentKeys.one(a.id), a);
      void queryClient.invalidateQueries({ queryKey: ['households', a.householdId] });
      void queryClient.invalidateQueries({ queryKey: ['work-summary'] });
      void message.success(t('completed'));
    },
    onError,
  });

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ answers: assessment.answers }}
      onFinish={() => complete.mutate()}
      onFinishFailed={({ errorFields }) =>
        errorFields[0] && form.scrollToField(errorFields[0].name)
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row align="middle" gutter={[16, 8]}>
          <Col flex="auto">
            <Typography.Text>
              {t('progress', { done: answered.length, total: required.length })}
            </Typography.Text>
            <Progress
              percent={Math.round((answered.length / Math.max(required.length, 1)) * 100)}
              size="small"
            />
          </Col>
          <Col>
            <Space wrap>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t('saveDraft')}
              </Button>
              <Button type="primary" htmlType="submit" loading={complete.isPending}>
                {t('complete')}
              </Button>
            </Space>
          </Col>
        </Row>
      </Card>
      <Collapse
        defaultActiveKey={groups.map((g) => g.code)}
        items={groups.map((g) => {
          const done = g.items.filter((i) => answers[i.code] !== undefined).length;
          return {
            key: g.code,
            label: (
              <Space>
                <Typography.Text strong>{g.name}</Typography.Text>
                <Tag color={done === g.items.length ? 'green' : 'default'}>
                  {done}/{g.items.length}
                </Tag>
              </Space>
            ),
            forceRender: true,
            children: g.items.map((item) => (
              <Form.Item
                key={item.code}
                name={['answers', item.code]}
                label={item.label}
                extra={
                  item.help ??
                  (item.type === 'number'
                    ? t('range', { min: item.min, max: item.max })
                    : undefined)
                }
                rules={item.required ? [{ required: true, message: t('required') }] : []}
              >
                <ItemInput item={item} />
              </Form.Item>
            )),
          };
        })}
      />
    </Form>
  );
}

/** A completed assessment: scores, tier and circle with the reason, the needs found. */
function Outcome({ assessment, definition }: { assessment: Assessment; definition: Definition }) {
  const { t } = useTranslation('assessments');
  const label = useLabel();
  return (
    <>
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('outcome.title')}
        description={t('outcome.completedAt', { at: formatTime(assessment.completedAt) })}
        action={
          <Link to={`/households/${assessment.householdId}`}>
            <Button type="primary">{t('outcome.toHousehold')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('outcome.result')} size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('outcome.total')}>
                <span data-testid="total-score">{assessment.totalScore ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('outcome.tier')}>
                {assessment.tier ? (
                  <Tag color="volcano">{label('tier', assessment.tier)}</Tag>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('outcome.circle')}>
                {assessment.circle === null ? '—' : label('circle', String(assessment.circle))}
              </Descriptions.Item>
              <Descriptions.Item label={t('outcome.reason')}>
                {assessment.tierReasonCode
                  ? label('tierReason', assessment.tierReasonCode)
                  : (assessment.tierReason ?? '—')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('outcome.scores')} size="small">
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={definition.dimensions.map((d) => ({
                ...d,
                score: (assessment.dimensionScores as Record<string, number> | null)?.[d.code],
              }))}
              columns={[
                { title: t('outcome.dimension'), dataIndex: 'name' },
                { title: t('outcome.score'), dataIndex: 'score', render: (s) => s ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('outcome.answers')} size="small">
            <Collapse
              size="small"
              ghost
              items={sections(definition).map((g) => ({
                key: g.code,
                label: g.name,
                children: (
                  <Descriptions column={{ xs: 1, md: 2 }} size="small">
                    {g.items.map((item) => (
                      <Descriptions.Item key={item.code} label={item.label}>
                        {answerText(item, assessment.answers[item.code], {
                          yes: t('yes'),
                          no: t('no'),
                        })}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('outcome.needs')} size="small">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="needs"
              dataSource={assessment.needs}
              locale={{ emptyText: t('outcome.noNeeds') }}
              scroll={{ x: 600 }}
              columns={[
                {
                  title: t('outcome.category'),
                  dataIndex: 'categoryCode',
                  render: (c: string) => label('category', c),
                },
                { title: t('outcome.severity'), dataIndex: 'severity' },
                {
                  title: t('outcome.urgency'),
                  dataIndex: 'urgency',
                  render: (u: string) => (
                    <Tag color={u === 'normal' ? 'default' : 'red'}>{label('urgency', u)}</Tag>
                  ),
                },
                {
                  title: t('outcome.status'),
                  dataIndex: 'status',
                  render: (s: string) => label('needStatus', s),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** /assessments/:id: fill in a draft from its template, save, resume, complete; then the outcome. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assessments');
  const label = useLabel();
  const assessment = useQuery({
    queryKey: assessmentKeys.one(id),
    queryFn: () => call(api.GET('/api/assessments/{id}', { params: { path: { id } } })),
  });
  const templates = useQuery({
    queryKey: assessmentKeys.templates,
    queryFn: () => call(api.GET('/api/assessment-templates')),
    staleTime: Infinity,
  });
  const template = templates.data?.find((tp) => tp.id === assessment.data?.templateId);
  const a = assessment.data;

  return (
    <PageContainer
      title={
        template ? t('title', { name: template.name, version: template.version }) : t('untitled')
      }
      subTitle={a && <Tag>{label('assessmentStatus', a.status)}</Tag>}
      crumbs={[
        [t('households'), '/households'],
        ...(a ? ([[t('household'), `/households/${a.householdId}`]] as [string, string][]) : []),
      ]}
    >
      <QueryState
        isLoading={assessment.isLoading || templates.isLoading}
        error={assessment.error ?? templates.error}
        onRetry={() => void assessment.refetch()}
      >
        {a && !template && <Alert type="error" showIcon message={t('templateMissing')} />}
        {a && template && a.status === 'draft' && (
          <DraftForm key={a.id} assessment={a} definition={definitionOf(template)} />
        )}
        {a && template && a.status !== 'draft' && (
          <Outcome assessment={a} definition={definitionOf(template)} />
        )}
      </QueryState>
    </PageContainer>
  );
}

/** Whether an error is the API's "this household already has a draft", with that draft's id. */
export function openDraftOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'ASSESSMENT_DRAFT_OPEN') return null;
  const details = (error.body as { details?: { assessmentId?: string } }).details;
  return details?.assessmentId ?? null;
}
