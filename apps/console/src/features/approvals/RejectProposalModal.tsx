import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { type Proposal } from './queue';
import { useRejectProposal } from './api';

/** Rejecting a proposal needs a reason, kept with it and in the audit. */
export function RejectProposalModal({
  proposal,
  onClose,
}: {
  proposal: Proposal | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['approvals', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const reject = useRejectProposal();
  const submit = async () => {
    const { reason } = (await form.validateFields()) as { reason: string };
    try {
      await reject.mutateAsync({ id: proposal!.id, reason: reason.trim() });
      message.success(t('reject.done'));
      form.resetFields();
      onClose();
    } catch (e) {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields);
      else message.error(errorText(e));
    }
  };
  return (
    <Modal
      open={proposal !== null}
      title={t('reject.title', { resource: proposal?.resourceTitle ?? '' })}
      okText={t('reject.ok')}
      okButtonProps={{ danger: true, loading: reject.isPending }}
      cancelText={t('common:action.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnClose
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('reject.reason')}
          rules={[{ required: true, whitespace: true, message: t('reject.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('reject.placeholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
