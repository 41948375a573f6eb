import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText, QueryState } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatYuan } from '@/lib/format';
import {
  type ApprovalResult,
  type Consent,
  useApproveMany,
  useHouseholdProposals,
  useResource,
} from './api';
import { DeadlineBadge } from './DeadlineBadge';
import { type HouseholdGroup, type Proposal, toggleSelection } from './queue';
import { ProposalCoverage } from '@/features/stacking/NeedGap';

function ResourceValue({ resourceId }: { resourceId: string }) {
  const resource = useResource(resourceId);
  return <>{resource.data ? formatYuan(resource.data.valuePerUnitFen) : '…'}</>;
}

function Explanation({ proposal }: { proposal: Proposal }) {
  const label = useLabel();
  return (
    <Flex wrap gap={4}>
      {proposal.explanation.map((item) => (
        <Tooltip
          key={item.factor}
          title={`${item.value.toFixed(2)} × ${item.weight.toFixed(2)} = ${item.contribution.toFixed(3)}`}
        >
          <Tag style={{ marginInlineEnd: 0 }}>
            {label('explanationFactor', item.factor)} +{item.contribution.toFixed(2)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

interface ConsentForm {
  given: boolean;
  by: string;
  method: Consent['method'];
  at: Dayjs;
}

export interface ApprovalOutcome {
  householdName: string | null;
  results: (ApprovalResult & { resourceTitle?: string })[];
}

/**
 * One household in the queue with its needs and their proposals: tick at most one proposal per
 * need, record the household's consent, approve them together; or reject one with a reason.
 */
export function HouseholdApprovalCard({
  group,
  soonHours,
  onReject,
  onApproved,
}: {
  group: HouseholdGroup;
  soonHours: number;
  onReject: (p: Proposal) => void;
  onApproved: (outcome: ApprovalOutcome) => void;
}) {
  const { t } = useTranslation(['approvals', 'common']);
  const label = useLabel();
  const methods = useOptions('consentMethod');
  const { message } = App.useApp();
  const needs = useHouseholdProposals(group.householdId);
  const approve = useApproveMany(group.householdId);
  const [selected, setSelected] = useState<Record<string, string>>({});
  const [form] = Form.useForm<ConsentForm>();
  const given = Form.useWatch('given', form);
  const count = Object.keys(selected).length;
  // The queue's rows carry each proposal's approval deadline; the per-need view does not.
  const deadlines = new Map(group.proposals.map((p) => [p.id, p.deadline]));

  const submit = async () => {
    const consent = await form.validateFields();
    const titles = new Map(
      (needs.data ?? []).flatMap((n) => n.proposals.map((p) => [p.id, p.resourceTitle] as const)),
    );
    try {
      const results = await approve.mutateAsync({
        items: Object.values(selected).map((proposalId) => ({ proposalId })),
        consent: consent.given
          ? {
              given: true,
              by: consent.by.trim(),
              method: consent.method,
              at: consent.at.toISOString(),
            }
          : undefined,
      });
      setSelected({});
      onApproved({
        householdName: group.householdName,
        results: results.map((r) => ({ ...r, resourceTitle: titles.get(r.proposalId) })),
      });
    } catch (e) {
      const fields = formFieldErrors(e);
      if (fields.length) message.error(fields.flatMap((f) => f.errors).join('；'));
      else message.error(errorText(e));
    }
  };

  return (
    <Card
      size="small"
      data-testid={`household-${group.householdId}`}
      title={
        <Space wrap size={[8, 4]}>
          <Link to={`/households/${group.householdId}`}>{group.householdName ?? t('unnamed')}</Link>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {group.communityName}
          </Typography.Text>
          {group.tier && <Tag color="blue">{label('tier', group.tier)}</Tag>}
          {group.emergency && <Tag color="red">{label('urgency', 'emergency')}</Tag>}
          <DeadlineBadge deadline={group.deadline} soonHours={soonHours} />
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {t('summary', { count: group.proposals.length })}
        </Typography.Text>
      }
    >
      <QueryState isLoading={needs.isLoading} error={needs.error} empty={needs.data?.length === 0}>
        {(needs.data ?? []).map((need) => (
          <div key={need.needId} style={{ marginBottom: 12 }}>
            <Space wrap style={{ marginBottom: 6 }}>
              <Typography.Text strong>{label('category', need.categoryCode)}</Typography.Text>
              <Tag
                color={
                  need.urgency === 'emergency'
                    ? 'red'
                    : need.urgency === 'urgent'
                      ? 'orange'
                      : 'default'
                }
              >
                {label('urgency', need.urgency)}
              </Tag>
              <Typography.Text type="secondary">
                {t('severity', { value: need.severity })}
              </Typography.Text>
            </Space>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={need.proposals}
              columns={[
                {
                  key: 'pick',
                  width: 48,
                  render: (_, p) => (
                    <Checkbox
                      aria-label={t('pick', { resource: p.resourceTitle })}
                      checked={selected[need.needId] === p.id}
                      onChange={() => setSelected((s) => toggleSelection(s, need.needId, p.id))}
                    />
                  ),
                },
                {
                  title: t('col.resource'),
                  key: 'resource',
                  width: 260,
                  render: (_, p) => (
                    <Space direction="vertical" size={0}>
                      <Link to={`/resources/${p.resourceId}`}>{p.resourceTitle}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.providerName} · {label('serviceLevel', p.serviceLevel)}
                      </Typography.Text>
                      <ProposalCoverage p={p} />
                    </Space>
                  ),
                },
                {
                  title: t('col.value'),
                  key: 'value',
                  width: 120,
                  align: 'right',
                  render: (_, p) => <ResourceValue resourceId={p.resourceId} />,
                },
                {
                  title: t('col.score'),
                  key: 'score',
                  width: 80,
                  align: 'right',
                  render: (_, p) => p.score.toFixed(2),
                },
                {
                  title: t('col.explanation'),
                  key: 'explanation',
                  render: (_, p) => <Explanation proposal={p} />,
                },
                {
                  title: t('col.deadline'),
                  key: 'deadline',
                  width: 150,
                  render: (_, p) => (
                    <DeadlineBadge
                      deadline={deadlines.get(p.id) ?? p.deadline}
                      soonHours={soonHours}
                    />
                  ),
                },
                {
                  key: 'actions',
                  width: 80,
                  render: (_, p) => (
                    <Button size="small" danger type="link" onClick={() => onReject(p)}>
                      {t('reject.action')}
                    </Button>
                  ),
                },
              ]}
            />
          </div>
        ))}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            given: false,
            by: t('consent.byDefault'),
            method: 'in_person',
            at: dayjs(),
          }}
        >
          <Form.Item name="given" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('consent.given')}</Checkbox>
          </Form.Item>
          {given ? (
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="by"
                  label={t('consent.by')}
                  rules={[{ required: true, whitespace: true, message: t('consent.byRequired') }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="method" label={t('consent.method')} rules={[{ required: true }]}>
                  <Select options={methods} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="at" label={t('consent.at')} rules={[{ required: true }]}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('consent.without')}
            </Typography.Paragraph>
          )}
        </Form>
        <Flex justify="flex-end" gap={8} align="center">
          <Typography.Text type="secondary">{t('selected', { count })}</Typography.Text>
          <Button
            type="primary"
            disabled={count === 0}
            loading={approve.isPending}
            onClick={() => void submit()}
          >
            {t('approve', { count })}
          </Button>
        </Flex>
      </QueryState>
    </Card>
  );
}
