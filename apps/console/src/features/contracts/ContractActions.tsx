import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { type ContractDetail, useCompleteContract, useTerminateContract } from './api';

/** Ending an active contract: completing it (the API checks milestones and payments) or terminating it with a reason. */
export function ContractActions({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation(['contracts', 'common']);
  const { message, modal } = App.useApp();
  const complete = useCompleteContract(contract.id);
  const terminate = useTerminateContract(contract.id);
  const [terminating, setTerminating] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const confirmComplete = () =>
    modal.confirm({
      title: t('end.complete'),
      content: t('end.completeConfirm'),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () =>
        complete
          .mutateAsync(undefined)
          .then(() => void message.success(t('end.completed')))
          .catch((e: unknown) => void message.error(errorText(e))),
    });

  const submitTermination = ({ reason }: { reason: string }) =>
    terminate
      .mutateAsync(reason.trim())
      .then(() => {
        setTerminating(false);
        form.resetFields();
        void message.success(t('end.terminated'));
      })
      .catch((e: unknown) => void message.error(errorText(e)));

  return (
    <>
      <Button type="primary" onClick={confirmComplete} loading={complete.isPending}>
        {t('end.complete')}
      </Button>
      <Button danger onClick={() => setTerminating(true)}>
        {t('end.terminate')}
      </Button>
      <Modal
        open={terminating}
        title={t('end.terminateTitle')}
        okText={t('end.terminate')}
        okButtonProps={{ danger: true, loading: terminate.isPending }}
        cancelText={t('common:action.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setTerminating(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('end.terminateHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="terminateContract" onFinish={submitTermination}>
          <Form.Item
            name="reason"
            label={t('end.reason')}
            rules={[{ required: true, whitespace: true, message: t('end.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
