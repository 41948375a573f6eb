import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The case page's header actions that open the check-in form, by phone or at the door. */
export function CheckInButtons({ caseId }: { caseId: string }) {
  const { t } = useTranslation('caseCheckins');
  return (
    <>
      <Link to={`/cases/${caseId}/check-in?mode=phone`}>
        <Button type="primary">{t('phoneButton')}</Button>
      </Link>
      <Link to={`/cases/${caseId}/check-in?mode=visit`}>
        <Button>{t('visitButton')}</Button>
      </Link>
    </>
  );
}
