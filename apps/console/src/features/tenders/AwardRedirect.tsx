import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useAward } from './api';

/** A notice names the award: its page is its project's, where the winner answers it. */
export function AwardRedirect() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('tenders');
  const award = useAward(id);
  if (award.data) return <Navigate to={`/tenders/${award.data.projectId}`} replace />;
  return (
    <PageContainer title={t('award.title')} crumbs={[[t('title'), '/tenders']]}>
      <QueryState isLoading={award.isLoading} error={award.error}>
        {null}
      </QueryState>
    </PageContainer>
  );
}
