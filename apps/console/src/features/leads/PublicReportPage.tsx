import { Button, Card, Flex, Layout, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '@/components/AppLayout';
import { LeadForm } from './LeadForm';

/**
 * /report: the public form, without login. Its answer is the reference number only: nothing
 * of what anyone reported can be read back here.
 */
export function PublicReportPage() {
  const { t } = useTranslation(['leads', 'common', 'public']);
  const [reference, setReference] = useState<string | null>(null);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: 16,
        }}
      >
        <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('common:appName')}
        </Typography.Text>
        <Flex gap={12} align="center">
          <LanguageSwitch />
          <Link to="/login">{t('public:nav.login')}</Link>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 640, width: '100%', margin: '0 auto' }}>
        <Typography.Title level={4}>{t('form.title')}</Typography.Title>
        <Card styles={{ body: { padding: 16 } }}>
          {reference ? (
            <Result
              status="success"
              title={t('form.sent')}
              subTitle={t('form.sentHint', { reference })}
              extra={
                <Button type="primary" onClick={() => setReference(null)}>
                  {t('form.another')}
                </Button>
              }
            />
          ) : (
            <LeadForm publicForm onSent={setReference} />
          )}
        </Card>
      </Layout.Content>
    </Layout>
  );
}
