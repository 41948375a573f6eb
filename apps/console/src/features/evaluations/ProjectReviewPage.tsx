import { Alert, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { BidFiles } from '@/features/tenders/BidFiles';
import { CriteriaTable } from '@/features/tenders/TenderTerms';
import { useAuth } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { type ProjectDetail, useBids, useDeclarations, useProject } from './api';
import { BidScoreCard } from './BidScoreCard';
import { DeclarationCard } from './DeclarationCard';
import { ProjectStatusTag } from '@/features/procurement/status';

/** One panel project: its criteria, the caller's declarations, then a scoring card per bid. */
export function ProjectReviewPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation(['evaluations', 'common']);
  const label = useLabel();
  const project = useProject(id);
  const p = project.data;

  return (
    <PageContainer
      title={p?.title ?? t('project.basic')}
      crumbs={[[t('project.crumb'), '/tasks']]}
      extra={p && <ProjectStatusTag status={p.status} />}
    >
      <QueryState isLoading={project.isLoading} error={project.error}>
        {p && (
          <>
            <Card size="small" title={t('project.basic')} style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
                <Descriptions.Item label={t('field.category')}>
                  {label('category', p.categoryCode)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.budget')}>
                  {formatYuan(p.budgetFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.closesAt')}>
                  {formatTime(p.closesAt)}
                </Descriptions.Item>
                <Descriptions.Item label={t('project.serviceperiod')}>
                  {formatDate(p.serviceStart)} ~ {formatDate(p.serviceEnd)}
                </Descriptions.Item>
                <Descriptions.Item label={t('project.target')}>
                  {p.targetHouseholds}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.bidCount')}>{p.bidCount}</Descriptions.Item>
              </Descriptions>
              <CriteriaTable criteria={p.criteria} titled />
            </Card>
            {['bidding_closed', 'evaluating'].includes(p.status) ? (
              <Review project={p} />
            ) : (
              p.status === 'published' && (
                <Alert type="info" showIcon message={t('project.notYet')} />
              )
            )}
          </>
        )}
      </QueryState>
    </PageContainer>
  );
}

function Review({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('evaluations');
  const { me } = useAuth();
  const bids = useBids(project.id);
  const declarations = useDeclarations(project.id);
  // Only qualified bids are scored; declarations cover the live bids the panel sees.
  const live = bids.data?.bids ?? [];
  const qualified = live.filter((b) => b.qualification === 'qualified');
  const conflictOf = new Map((declarations.data ?? []).map((d) => [d.bidId, d.conflict]));

  return (
    <QueryState
      isLoading={bids.isLoading || declarations.isLoading}
      error={bids.error ?? declarations.error}
    >
      {live.length > 0 && (
        // Opened with the bids at close: each bid's files, for the panel to read.
        <Card size="small" title={t('project.files')} style={{ marginBottom: 16 }}>
          {live.map((b) => (
            <div key={b.id} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {t('project.filesOf', { bidder: b.providerName, price: formatYuan(b.priceFen) })}
              </Typography.Text>
              <BidFiles bidId={b.id} />
            </div>
          ))}
        </Card>
      )}
      <DeclarationCard projectId={project.id} bids={live} declarations={declarations.data ?? []} />
      {project.status === 'evaluating' &&
        me &&
        qualified.map((b) => (
          <BidScoreCard
            key={b.id}
            bid={b}
            project={project}
            myId={me.id}
            conflict={conflictOf.get(b.id)}
          />
        ))}
    </QueryState>
  );
}
