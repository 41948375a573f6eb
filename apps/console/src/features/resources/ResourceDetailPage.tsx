import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatDate, formatTime, formatYuan } from '@/lib/format';
import { useResourceDetail, useReviewResource } from './api';

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pending_review: 'processing',
  published: 'success',
  paused: 'warning',
  closed: 'default',
};

/** One resource as its reviewer sees it; publish, or send it back with a reason. */
export function ResourceDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['resources', 'common']);
  const label = useLabel();
  const me = useMe();
  const { message } = App.useApp();
  const resource = useResourceDetail(id);
  const review = useReviewResource(id);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm();
  const r = resource.data;
  const canReview = r?.status === 'pending_review' && me.role === 'civil_affairs';

  const publish = async () => {
    try {
      await review.mutateAsync({ action: 'publish' });
      message.success(t('detail.published'));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const reject = async () => {
    const { reason } = (await form.validateFields()) as { reason: string };
    try {
      await review.mutateAsync({ action: 'reject', reason: reason.trim() });
      message.success(t('detail.rejected'));
      setRejecting(false);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <PageContainer
      title={r?.title ?? t('detail.title')}
      crumbs={[[t('review.title'), '/resources/review']]}
      subTitle={r && r.provider.name}
      extra={
        canReview && (
          <>
            <Button danger onClick={() => setRejecting(true)}>
              {t('detail.reject')}
            </Button>
            <Popconfirm
              title={t('detail.publishConfirm')}
              okText={t('detail.publish')}
              cancelText={t('common:action.cancel')}
              onConfirm={() => publish()}
            >
              <Button type="primary" loading={review.isPending}>
                {t('detail.publish')}
              </Button>
            </Popconfirm>
          </>
        )
      }
    >
      <QueryState isLoading={resource.isLoading} error={resource.error}>
        {r && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('detail.basics')}>
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
                >
                  <Descriptions.Item label={t('field.status')}>
                    <Tag color={STATUS_COLORS[r.status]}>{label('resourceStatus', r.status)}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.provider')}>
                    {r.provider.name}（{label('providerKind', r.provider.kind)}，
                    {label('verificationStatus', r.provider.verification)}）
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.category')}>
                    {label('category', r.categoryCode)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.form')}>
                    {label('resourceForm', r.form)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.level')}>
                    {label('serviceLevel', r.serviceLevel)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.coverage')}>
                    {r.coverageArea.name}（{label('areaLevel', r.coverageArea.level)}）
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.value')}>
                    {formatYuan(r.valuePerUnitFen)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.validity')}>
                    {formatDate(r.validFrom)} ~{' '}
                    {r.validUntil ? formatDate(r.validUntil) : t('field.open')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.description')} span={2}>
                    <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                      {r.description}
                    </Typography.Paragraph>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.contactNotes')} span={2}>
                    {r.contactNotes ?? '—'}
                  </Descriptions.Item>
                  {r.statusReason && (
                    <Descriptions.Item label={t('field.statusReason')} span={2}>
                      {r.statusReason}
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('field.updatedAt')}>
                    {formatTime(r.updatedAt)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('detail.capacity')} style={{ marginBottom: 16 }}>
                <Progress
                  percent={
                    r.capacity ? Math.round(((r.reserved + r.delivered) / r.capacity) * 100) : 0
                  }
                  success={{
                    percent: r.capacity ? Math.round((r.delivered / r.capacity) * 100) : 0,
                  }}
                />
                <Descriptions size="small" column={2}>
                  <Descriptions.Item label={t('field.capacity')}>{r.capacity}</Descriptions.Item>
                  <Descriptions.Item label={t('field.remaining')}>{r.remaining}</Descriptions.Item>
                  <Descriptions.Item label={t('field.reserved')}>{r.reserved}</Descriptions.Item>
                  <Descriptions.Item label={t('field.delivered')}>{r.delivered}</Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title={t('detail.eligibility')}>
                <Typography.Paragraph data-testid="eligibility-text" style={{ marginBottom: 0 }}>
                  {r.eligibilityText}
                </Typography.Paragraph>
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
      <Modal
        open={rejecting}
        title={t('detail.rejectTitle')}
        okText={t('detail.reject')}
        okButtonProps={{ danger: true, loading: review.isPending }}
        cancelText={t('common:action.cancel')}
        onOk={() => void reject()}
        onCancel={() => setRejecting(false)}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('detail.reason')}
            rules={[{ required: true, whitespace: true, message: t('detail.reasonRequired') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t('detail.reasonHint')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
