import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useHouseholdCase } from './api';

/** The household page's way into its case file (the open case, else the latest). */
export function CaseLink({ householdId }: { householdId: string }) {
  const { t } = useTranslation('cases');
  const kase = useHouseholdCase(householdId);
  if (!kase.data) return null;
  return (
    <Link to={`/cases/${kase.data.id}`}>
      <Button>{t('openCase')}</Button>
    </Link>
  );
}
