import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { useProvider } from './api';
import { ProviderFormModal } from './ProviderFormModal';
import { VerificationTag } from './status';
import { VerifyModal } from './VerifyModal';

/** One provider: its details, contact and verification, with edit and verify. */
export function OrganizationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation(['organizations', 'common']);
  const label = useLabel();
  const provider = useProvider(id);
  const p = provider.data;
  const [editing, setEditing] = useState(false);
  const [verifying, setVerifying] = useState(false);

  return (
    <PageContainer
      title={p?.name ?? t('detail.title')}
      crumbs={[[t('title'), '/organizations']]}
      extra={
        p && (
          <>
            <Button onClick={() => setEditing(true)}>{t('common:action.edit')}</Button>
            <Button type="primary" onClick={() => setVerifying(true)}>
              {t('verify.action')}
            </Button>
          </>
        )
      }
    >
      <QueryState
        isLoading={provider.isLoading}
        error={provider.error}
        onRetry={() => void provider.refetch()}
      >
        {p && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title={t('detail.basic')} size="small">
                <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
                  <Descriptions.Item label={t('field.name')}>{p.name}</Descriptions.Item>
                  <Descriptions.Item label={t('field.kind')}>
                    {label('providerKind', p.kind)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.uscc')}>
                    <Typography.Text copyable>{p.uscc}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.homeArea')}>
                    {p.homeArea.name}（{label('areaLevel', p.homeArea.level)}）
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.rating')}>
                    {p.rating ?? t('detail.noRating')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.version')}>{p.version}</Descriptions.Item>
                </Descriptions>
              </Card>
              <Card title={t('detail.contact')} size="small" style={{ marginTop: 16 }}>
                <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
                  <Descriptions.Item label={t('field.contactName')}>
                    {p.contactName ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.contactPhone')}>
                    {p.contactPhone ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.address')} span={2}>
                    {p.address ?? '—'}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('detail.verification')} size="small">
                <Space direction="vertical" size="middle">
                  <span data-testid="verification-status">
                    <VerificationTag
                      status={p.verification}
                      text={label('verificationStatus', p.verification)}
                    />
                  </span>
                  <Typography.Text type="secondary">
                    {t('detail.verificationIntro')}
                  </Typography.Text>
                  <Button onClick={() => setVerifying(true)}>{t('verify.action')}</Button>
                </Space>
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
      {p && (
        <>
          <ProviderFormModal editing={editing ? p : undefined} onClose={() => setEditing(false)} />
          <VerifyModal provider={p} open={verifying} onClose={() => setVerifying(false)} />
        </>
      )}
    </PageContainer>
  );
}
