import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formatTime } from '@/lib/format';
import { type Evaluation, useComment } from './api';
import { commentWindow } from './comment-window';

/**
 * The organization's comment on a completed evaluation: once, within the window the API sets
 * (commentDueAt). Others read it; after the window it shows closed with its end.
 */
export function CommentBox({
  evaluation: e,
  canComment,
}: {
  evaluation: Evaluation;
  canComment: boolean;
}) {
  const { t } = useTranslation(['contracts', 'common']);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const comment = useComment();
  const state = commentWindow(e);

  const send = ({ comment: text }: { comment: string }) =>
    modal.confirm({
      title: t('comment.submit'),
      content: t('comment.confirm'),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () =>
        comment
          .mutateAsync({ evaluationId: e.id, comment: text.trim() })
          .then(() => void message.success(t('comment.done')))
          .catch((err: unknown) => void message.error(errorText(err))),
    });

  return (
    <div data-testid={`comment-${e.id}`}>
      <Typography.Title level={5}>{t('comment.title')}</Typography.Title>
      {state === 'notYet' && (
        <Typography.Text type="secondary">{t('comment.notYet')}</Typography.Text>
      )}
      {state === 'given' && (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
            {e.providerComment}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('comment.at', { at: formatTime(e.providerCommentedAt) })}
          </Typography.Text>
        </>
      )}
      {state === 'closed' && (
        <Alert
          type="info"
          showIcon
          message={t('comment.closed', { due: formatTime(e.commentDueAt) })}
          description={t('comment.none')}
        />
      )}
      {state === 'open' && !canComment && (
        <Typography.Text type="secondary">
          {t('comment.window', { due: formatTime(e.commentDueAt) })}
        </Typography.Text>
      )}
      {state === 'open' && canComment && (
        <Form form={form} layout="vertical" name={`comment-${e.id}`} onFinish={send}>
          <Form.Item
            name="comment"
            label={t('comment.label')}
            extra={t('comment.window', { due: formatTime(e.commentDueAt) })}
            rules={[{ required: true, whitespace: true, message: t('comment.required') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} placeholder={t('comment.placeholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={comment.isPending}>
            {t('comment.submit')}
          </Button>
        </Form>
      )}
    </div>
  );
}
