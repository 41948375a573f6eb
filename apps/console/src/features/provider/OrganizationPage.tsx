import { Alert, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState } from '@/components/QueryState';
import { useProvider } from '@/features/organizations/api';
import { ProviderFormModal } from '@/features/organizations/ProviderFormModal';
import { VerificationTag } from '@/features/organizations/status';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';

/**
 * The provider's own organization (GET /api/providers/{me.providerId}): its record and contact,
 * which its organization admins edit (PATCH with the version), and where they manage its users.
 */
export function OrganizationPage() {
  const { t } = useTranslation(['provider', 'organizations', 'common']);
  const label = useLabel();
  const me = useMe();
  const provider = useProvider(me.providerId ?? undefined);
  const p = provider.data;
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();

  return (
    <PageContainer
      title={p?.name ?? t('organization.title')}
      subTitle={t('organization.title')}
      extra={
        p &&
        me.isOrgAdmin && (
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('organization.edit')}
          </Button>
        )
      }
    >
      {!me.providerId ? (
        <Alert type="warning" showIcon message={t('organization.noProvider')} />
      ) : (
        <QueryState
          isLoading={provider.isLoading}
          error={provider.error}
          onRetry={() => void provider.refetch()}
        >
          {p && (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card title={t('organizations:detail.basic')} size="small">
                  <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
                    <Descriptions.Item label={t('organizations:field.name')}>
                      {p.name}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('organizations:field.kind')}>
                      {label('providerKind', p.kind)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('organizations:field.uscc')}>
                      {p.uscc}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('organizations:field.homeArea')}>
                      {p.homeArea.name}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('organizations:field.verification')}>
                      <span data-testid="verification-status">
                        <VerificationTag
                          status={p.verification}
                          text={label('verificationStatus', p.verification)}
                        />
                      </span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('organizations:field.rating')}>
                      {p.rating ?? t('organizations:detail.noRating')}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
                <Card
                  title={t('organizations:detail.contact')}
                  size="small"
                  style={{ marginTop: 16 }}
                  data-testid="organization-contact"
                >
                  <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
                    <Descriptions.Item label={t('organizations:field.contactName')}>
                      {p.contactName ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('organizations:field.contactPhone')}>
                      {p.contactPhone ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('organizations:field.address')} span={2}>
                      {p.address ?? '—'}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card title={t('organization.users')} size="small">
                  <Space direction="vertical">
                    <Typography.Text type="secondary">
                      {me.isOrgAdmin ? t('organization.usersIntro') : t('organization.usersAsk')}
                    </Typography.Text>
                    {me.isOrgAdmin && (
                      <Button onClick={() => void navigate('/users')}>
                        {t('organization.manageUsers')}
                      </Button>
                    )}
                  </Space>
                </Card>
              </Col>
            </Row>
          )}
        </QueryState>
      )}
      {p && me.isOrgAdmin && (
        <ProviderFormModal editing={editing ? p : undefined} onClose={() => setEditing(false)} />
      )}
    </PageContainer>
  );
}
