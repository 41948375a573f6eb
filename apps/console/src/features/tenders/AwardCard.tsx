import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type Award, type TenderDetail, useAnswerAward } from './api';

const STATUS_COLOR: Record<Award['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'default',
};

/**
 * The award notice for the caller's organization (the project's awards name their winner):
 * status, value, deadline; while pending, accept (signs the contract) or decline with a reason.
 * Whether the answer is still allowed is the API's (409 past the deadline).
 */
export function AwardCard({ project, award }: { project: TenderDetail; award: Award }) {
  const { t } = useTranslation(['tenders', 'common']);
  const label = useLabel();
  const { message, modal } = App.useApp();
  const answer = useAnswerAward(project.id);
  const [declining, setDeclining] = useState(false);
  const [form] = Form.useForm();

  const accept = () =>
    modal.confirm({
      title: t('award.acceptConfirm'),
      content: t('award.acceptContent'),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () =>
        answer
          .mutateAsync({ awardId: award.id })
          .then(() => message.success(t('award.accepted')))
          .catch((e: unknown) => message.error(errorText(e))),
    });

  const decline = ({ reason }: { reason: string }) =>
    answer
      .mutateAsync({ awardId: award.id, reason })
      .then(() => {
        message.success(t('award.declined'));
        setDeclining(false);
      })
      .catch((e: unknown) => {
        const fields = formFieldErrors(e);
        if (fields.length) form.setFields(fields);
        else message.error(errorText(e));
      });

  return (
    <Card
      size="small"
      title={t('award.title')}
      style={{ marginBottom: 16 }}
      data-testid="award"
      extra={<Tag color={STATUS_COLOR[award.status]}>{label('awardStatus', award.status)}</Tag>}
    >
      {award.status === 'pending' && (
        <Alert
          type="warning"
          showIcon
          message={t('award.pendingHint')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
        <Descriptions.Item label={t('award.value')}>
          <span data-testid="award-value">{formatYuan(award.valueFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('award.respondBy')}>
          <span data-testid="award-respond-by">{formatTime(award.respondBy)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('award.rank')}>{award.rank}</Descriptions.Item>
        <Descriptions.Item label={t('award.total')}>{award.totalScore}</Descriptions.Item>
        {award.respondedAt && (
          <Descriptions.Item label={t('award.respondedAt')}>
            {formatTime(award.respondedAt)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('award.justification')} span="filled">
          {award.justification}
        </Descriptions.Item>
        {award.declineReason && (
          <Descriptions.Item label={t('award.declineReason')} span="filled">
            {award.declineReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      {award.status === 'pending' && (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" onClick={accept} loading={answer.isPending && !declining}>
            {t('award.accept')}
          </Button>
          <Button danger onClick={() => setDeclining(true)}>
            {t('award.decline')}
          </Button>
        </Space>
      )}
      <Modal
        open={declining}
        title={t('award.declineTitle')}
        okText={t('award.decline')}
        okButtonProps={{ danger: true, loading: answer.isPending }}
        cancelText={t('common:action.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setDeclining(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="declineAward" onFinish={(v) => void decline(v)}>
          <Form.Item
            name="reason"
            label={t('award.reason')}
            rules={[{ required: true, whitespace: true, message: t('award.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
