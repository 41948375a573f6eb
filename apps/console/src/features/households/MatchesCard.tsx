import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Flex, List, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { householdKeys, type NeedMatches, type Proposal } from './api';
import { NeedGapLine, ProposalCoverage } from '@/features/stacking/NeedGap';
import { StackingWhyNot } from '@/features/stacking/StackingWhyNot';

/** Matching runs in the matcher after an assessment: poll while a need waits for its first run. */
const POLL_MS = 3000;
const waiting = (needs: NeedMatches[] | undefined) =>
  !!needs?.some((n) => n.status === 'open' && n.lastMatchedAt === null);

const PROPOSAL_COLORS: Record<string, string> = {
  proposed: 'blue',
  approved: 'green',
  rejected: 'red',
  superseded: 'default',
  expired: 'default',
};

/** A proposal and why it ranks where it does: each factor's contribution to the score. */
function ProposalItem({ p }: { p: Proposal }) {
  const { t } = useTranslation('households');
  const label = useLabel();
  return (
    <List.Item data-testid="proposal">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          <Space wrap>
            <Typography.Text strong>
              {t('matches.rank', { rank: p.rank })} {p.resourceTitle}
            </Typography.Text>
            <Typography.Text type="secondary">{p.providerName}</Typography.Text>
            <Tag color={PROPOSAL_COLORS[p.status]}>{label('proposalStatus', p.status)}</Tag>
            <ProposalCoverage p={p} />
          </Space>
          <Typography.Text>{t('matches.score', { score: p.score.toFixed(2) })}</Typography.Text>
        </Flex>
        <Flex wrap gap={12} data-testid="explanation">
          {p.explanation.map((e) => (
            <Tooltip
              key={e.factor}
              title={t('matches.factor', {
                value: e.value.toFixed(2),
                weight: e.weight,
                contribution: e.contribution.toFixed(2),
              })}
            >
              <Space size={4} style={{ minWidth: 150 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {label('explanationFactor', e.factor)}
                </Typography.Text>
                <Progress
                  percent={Math.round(e.value * 100)}
                  size="small"
                  style={{ width: 80, margin: 0 }}
                  showInfo={false}
                />
              </Space>
            </Tooltip>
          ))}
        </Flex>
      </Flex>
    </List.Item>
  );
}

/**
 * Each need with its proposals (explained) and the why-not view: the candidates in its category
 * that were excluded, each with the reason by its label.
 */
export function MatchesCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation('households');
  const label = useLabel();
  const matches = useQuery({
    queryKey: householdKeys.matches(householdId),
    queryFn: () =>
      call(api.GET('/api/households/{id}/matches', { params: { path: { id: householdId } } })),
    refetchInterval: (query) => (waiting(query.state.data) ? POLL_MS : false),
  });
  const needs = matches.data ?? [];

  return (
    <Card title={t('matches.title')} size="small" data-testid="matches">
      <QueryState
        isLoading={matches.isLoading}
        error={matches.error}
        empty={needs.length === 0}
        emptyText={t('matches.noNeeds')}
        onRetry={() => void matches.refetch()}
      >
        <Flex vertical gap={12}>
          {needs.map((n) => (
            <Card
              key={n.needId}
              type="inner"
              size="small"
              data-testid={`need-${n.categoryCode}`}
              title={
                <Space wrap>
                  {label('category', n.categoryCode)}
                  <Tag>{label('needStatus', n.status)}</Tag>
                  <Tag color={n.urgency === 'normal' ? 'default' : 'red'}>
                    {label('urgency', n.urgency)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('matches.severity', { severity: n.severity })}
                  </Typography.Text>
                </Space>
              }
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.lastMatchedAt
                    ? t('matches.lastMatched', { at: formatTime(n.lastMatchedAt) })
                    : n.status === 'open'
                      ? t('matches.matching')
                      : null}
                </Typography.Text>
              }
            >
              <NeedGapLine householdId={householdId} need={n} />
              {n.proposals.length > 0 ? (
                <List
                  size="small"
                  dataSource={n.proposals}
                  renderItem={(p) => <ProposalItem p={p} />}
                />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    n.unmetReasons?.length
                      ? n.unmetReasons.map((r) => label('unmetReason', r)).join('；')
                      : t('matches.noProposals')
                  }
                />
              )}
              {n.rejected.length > 0 && (
                <Collapse
                  size="small"
                  ghost
                  items={[
                    {
                      key: 'why-not',
                      label: t('matches.whyNot', { count: n.rejected.length }),
                      children: (
                        <List
                          size="small"
                          data-testid="why-not"
                          dataSource={n.rejected}
                          renderItem={(r) => (
                            <List.Item>
                              <Space wrap>
                                <Typography.Text>
                                  {r.resourceTitle ?? t('matches.unnamed')}
                                </Typography.Text>
                                <Tag color="orange">{label('rejectionReason', r.reason)}</Tag>
                                <StackingWhyNot conflict={r.stacking} />
                              </Space>
                            </List.Item>
                          )}
                        />
                      ),
                    },
                  ]}
                />
              )}
            </Card>
          ))}
        </Flex>
      </QueryState>
    </Card>
  );
}
