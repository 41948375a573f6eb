import { Button, Card, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { AssistanceEntryForm } from './AssistanceEntryForm';

/**
 * /assistance/record: a department or provider records help it gave outside OneDoor, finding
 * the household by a member's identity number. The answer shows nothing of the household: a
 * provider learns only that it is recorded.
 */
export function RecordAssistancePage() {
  const { t } = useTranslation('assistance');
  const [saved, setSaved] = useState(false);
  const navigate = useNavigate();
  return (
    <PageContainer title={t('form.title')}>
      <Card style={{ maxWidth: 760 }}>
        {saved ? (
          <Result
            status="success"
            title={t('form.saved')}
            subTitle={t('form.savedHint')}
            extra={
              <Flex gap={8} justify="center">
                <Button type="primary" onClick={() => setSaved(false)}>
                  {t('form.another')}
                </Button>
                <Button onClick={() => void navigate('/assistance')}>{t('form.toList')}</Button>
              </Flex>
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('form.intro')}</Typography.Paragraph>
            <AssistanceEntryForm onSaved={() => setSaved(true)} />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
