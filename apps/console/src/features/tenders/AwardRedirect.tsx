import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { isStaff, useMe } from '@/lib/auth';
import { useAward } from './api';

/**
 * A notice names the award. The winner answers it on the tender's page; staff follow it on
 * the project's award tab, where they can lapse it.
 */
export function AwardRedirect() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('tenders');
  const me = useMe();
  const award = useAward(id);
  if (award.data) {
    const to = isStaff(me)
      ? `/procurement/${award.data.projectId}?tab=award`
      : `/tenders/${award.data.projectId}`;
    return <Navigate to={to} replace />;
  }
  return (
    <PageContainer title={t('award.title')} crumbs={[[t('title'), '/tenders']]}>
      <QueryState isLoading={award.isLoading} error={award.error}>
        {null}
      </QueryState>
    </PageContainer>
  );
}
