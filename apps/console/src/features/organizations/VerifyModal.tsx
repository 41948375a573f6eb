import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { type Provider, providerKeys } from './api';

interface Values {
  status: Provider['verification'];
  reason: string;
}

/** Sets a provider's verification with a reason, after a confirmation (it is audited). */
export function VerifyModal({
  provider,
  open,
  onClose,
}: {
  provider: Provider;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['organizations', 'common']);
  const { message, modal } = App.useApp();
  const label = useLabel();
  const statuses = useOptions('verificationStatus').filter(
    (o) => o.value !== provider.verification,
  );
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);

  const verify = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/providers/{id}/verify', {
          params: { path: { id: provider.id } },
          body: { status: v.status, reason: v.reason.trim() },
        }),
      ),
    onSuccess: () => {
      void message.success(t('verify.done'));
      void queryClient.invalidateQueries({ queryKey: providerKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields);
      else setProblem(errorText(e));
    },
  });

  const onFinish = (v: Values) => {
    setProblem(null);
    modal.confirm({
      title: t('verify.confirm', {
        name: provider.name,
        status: label('verificationStatus', v.status),
      }),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () => verify.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Modal
      open={open}
      title={t('verify.title', { name: provider.name })}
      okText={t('common:action.submit')}
      onOk={() => form.submit()}
      confirmLoading={verify.isPending}
      onCancel={onClose}
      afterClose={() => setProblem(null)}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} name="verify" layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="status"
          label={t('verify.status')}
          rules={[{ required: true, message: t('requiredPick', { field: t('verify.status') }) }]}
        >
          <Select options={statuses} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('verify.reason')}
          rules={[{ required: true, message: t('required', { field: t('verify.reason') }) }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('verify.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
