import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { uploadPlanFile } from '@/lib/upload';
import { type AgreePlan, type Plan, type PlanFile, useAgreePlan } from './api';

const ACCEPT = '.pdf,.png,.jpg,.jpeg';

/** Who in the family agreed and how: a signed page uploaded first, or the adviser's attestation. */
export function AgreeModal({
  caseId,
  plan,
  open,
  onClose,
}: {
  caseId: string;
  plan: Plan;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('casePlans');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const method = Form.useWatch('method', form);
  const methods = useOptions('planAgreementMethod');
  const agree = useAgreePlan(caseId);
  const [file, setFile] = useState<PlanFile | null>(null);
  const [uploading, setUploading] = useState(false);

  const submit = async (values: { agreedByName: string; method: AgreePlan['method'] }) => {
    if (values.method === 'signed_file' && !file) {
      form.setFields([{ name: 'file', errors: [t('agreement.fileRequired')] }]);
      return;
    }
    try {
      await agree.mutateAsync({
        revision: plan.revision,
        agreedByName: values.agreedByName,
        method: values.method,
        ...(values.method === 'signed_file' && file ? { fileId: file.id } : {}),
      });
      message.success(t('agreement.done'));
      onClose();
    } catch (e) {
      const fields = formFieldErrors(e).map((f) =>
        f.name[0] === 'fileId' ? { ...f, name: ['file'] } : f,
      );
      if (fields.length > 0) form.setFields(fields);
      else if (e instanceof ApiError && e.code === 'STALE_VERSION') message.error(t('stale'));
      else message.error(errorText(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('agreement.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:action.confirm')}
      cancelText={t('common:action.cancel')}
      confirmLoading={agree.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('agreement.hint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ method: 'attestation' }}
        preserve={false}
      >
        <Form.Item
          name="agreedByName"
          label={t('field.agreedByName')}
          rules={[{ required: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="method" label={t('field.method')} rules={[{ required: true }]}>
          <Radio.Group options={methods} />
        </Form.Item>
        {method === 'signed_file' ? (
          <Form.Item name="file" label={t('field.file')} extra={t('agreement.accept')}>
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              beforeUpload={(f) => {
                setUploading(true);
                uploadPlanFile(caseId, f)
                  .then((uploaded) => {
                    setFile(uploaded);
                    form.setFields([{ name: 'file', errors: [] }]);
                  })
                  .catch((e: unknown) => void message.error(errorText(e)))
                  .finally(() => setUploading(false));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                {t('agreement.upload')}
              </Button>
            </Upload>
            {file && (
              <Typography.Paragraph type="success" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('agreement.uploaded', { name: file.name })}
              </Typography.Paragraph>
            )}
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">
            {t('agreement.attestationHint')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
