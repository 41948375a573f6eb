import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { errorText, QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import {
  type ApprovedApplication,
  useApplication,
  useApproveApplication,
  useRejectApplication,
} from './api';
import { APPLICATION_COLORS } from './ApplicationsPage';
import { setPasswordLink } from '@/features/auth/set-password-link';

/** The one-time set-password link of the new organization's first admin: shown once, copied. */
function TokenModal({
  approved,
  onClose,
}: {
  approved: ApprovedApplication | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['applications', 'common']);
  const link = approved
    ? setPasswordLink(window.location.origin, approved.setPasswordToken, approved.adminUsername)
    : '';
  return (
    <Modal
      open={approved !== null}
      title={t('token.title')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('token.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('token.once')} style={{ marginBottom: 12 }} />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('token.username')}>{approved?.adminUsername}</Descriptions.Item>
        <Descriptions.Item label={t('token.expires')}>
          {formatTime(approved?.setPasswordTokenExpiresAt)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph
        data-testid="set-password-link"
        copyable={{ text: link, tooltips: [t('token.copy'), t('token.copied')] }}
        style={{ wordBreak: 'break-all', background: '#fafafa', padding: 8, borderRadius: 4 }}
      >
        {link}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('token.hint')}</Typography.Text>
    </Modal>
  );
}

/** One application with its contact details in full; approve (shows the set-password link once) or reject. */
export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['applications', 'common']);
  const label = useLabel();
  const { message } = App.useApp();
  const application = useApplication(id);
  const approve = useApproveApplication(id);
  const reject = useRejectApplication(id);
  const [approved, setApproved] = useState<ApprovedApplication | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm();
  const a = application.data;

  const doApprove = async () => {
    try {
      setApproved(await approve.mutateAsync({}));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const doReject = async () => {
    const { reason } = (await form.validateFields()) as { reason: string };
    try {
      await reject.mutateAsync(reason.trim());
      message.success(t('rejected'));
      setRejecting(false);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <PageContainer
      title={a?.name ?? t('detail')}
      crumbs={[[t('title'), '/applications']]}
      extra={
        a?.status === 'pending' && (
          <>
            <Button danger onClick={() => setRejecting(true)}>
              {t('reject')}
            </Button>
            <Popconfirm
              title={t('approveConfirm')}
              okText={t('approve')}
              cancelText={t('common:action.cancel')}
              onConfirm={() => doApprove()}
            >
              <Button type="primary" loading={approve.isPending}>
                {t('approve')}
              </Button>
            </Popconfirm>
          </>
        )
      }
    >
      <QueryState isLoading={application.isLoading} error={application.error}>
        {a && (
          <Card size="small">
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
            >
              <Descriptions.Item label={t('field.status')}>
                <Tag color={APPLICATION_COLORS[a.status]}>
                  {label('providerApplicationStatus', a.status)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.createdAt')}>
                {formatTime(a.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.name')}>{a.name}</Descriptions.Item>
              <Descriptions.Item label={t('field.uscc')}>{a.uscc}</Descriptions.Item>
              <Descriptions.Item label={t('field.kind')}>
                {label('providerKind', a.kind)}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.homeArea')}>{a.homeAreaName}</Descriptions.Item>
              <Descriptions.Item label={t('field.address')} span={2}>
                {a.address}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.contactName')}>{a.contactName}</Descriptions.Item>
              <Descriptions.Item label={t('field.contactPhone')}>
                {a.contactPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.contactEmail')}>
                {a.contactEmail}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.username')}>{a.username}</Descriptions.Item>
              {a.decidedAt && (
                <Descriptions.Item label={t('field.decidedAt')}>
                  {formatTime(a.decidedAt)}
                </Descriptions.Item>
              )}
              {a.reason && (
                <Descriptions.Item label={t('field.reason')} span={2}>
                  {a.reason}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
      </QueryState>
      <TokenModal approved={approved} onClose={() => setApproved(null)} />
      <Modal
        open={rejecting}
        title={t('rejectTitle')}
        okText={t('reject')}
        okButtonProps={{ danger: true, loading: reject.isPending }}
        cancelText={t('common:action.cancel')}
        onOk={() => void doReject()}
        onCancel={() => setRejecting(false)}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('field.reason')}
            rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('reasonHint')} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
