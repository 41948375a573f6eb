import { Button, Card, Flex, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { LeadForm } from './LeadForm';

/** /leads/new: a signed-in user (a reporter, staff, a provider's user) reports a family. */
export function ReportLeadPage() {
  const { t } = useTranslation('leads');
  const navigate = useNavigate();
  const [reference, setReference] = useState<string | null>(null);
  return (
    <PageContainer title={t('form.title')}>
      <Card style={{ maxWidth: 640 }} styles={{ body: { padding: 16 } }}>
        {reference ? (
          <Result
            status="success"
            title={t('form.sent')}
            subTitle={t('form.sentHint', { reference })}
            extra={
              <Flex gap={8} justify="center" wrap>
                <Button type="primary" onClick={() => setReference(null)}>
                  {t('form.another')}
                </Button>
                <Button onClick={() => void navigate('/leads/mine')}>{t('form.toMine')}</Button>
              </Flex>
            }
          />
        ) : (
          <LeadForm publicForm={false} onSent={setReference} />
        )}
      </Card>
    </PageContainer>
  );
}
