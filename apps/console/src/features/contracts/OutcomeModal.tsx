import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Upload, type UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { uploadMilestoneFile } from '@/lib/upload';
import { contractKeys, type Milestone, type MilestoneOutcome, useDecideMilestone } from './api';
import { EVIDENCE_ACCEPT } from './MilestoneFiles';

type Values = MilestoneOutcome;

/**
 * Staff record a milestone's outcome (met, partially met with the share delivered, not met)
 * with the evidence seen; the chosen files are uploaded once the outcome is recorded.
 */
export function OutcomeModal({
  contractId,
  milestone,
  onClose,
}: {
  contractId: string;
  milestone: Milestone;
  onClose: () => void;
}) {
  const { t } = useTranslation(['contracts', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecideMilestone(contractId);
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const outcomes = useOptions('milestoneOutcome').filter((o) => o.value !== 'scheduled');

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      await decide.mutateAsync({
        milestoneId: milestone.id,
        body: {
          outcome: values.outcome,
          evidence: values.evidence.trim(),
          ...(values.outcome === 'partially_met'
            ? { deliveredPercent: values.deliveredPercent }
            : {}),
        },
      });
    } catch (e) {
      form.setFields(formFieldErrors(e) as Parameters<typeof form.setFields>[0]);
      void message.error(errorText(e));
      setBusy(false);
      return;
    }
    for (const f of files) {
      try {
        // Kept back by beforeUpload, each entry is the browser's File itself.
        await uploadMilestoneFile(contractId, milestone.id, f as unknown as File);
      } catch (e) {
        void message.error(t('outcome.uploadFailed', { name: f.name, error: errorText(e) }));
      }
    }
    await queryClient.invalidateQueries({ queryKey: contractKeys.all });
    void message.success(t('outcome.done'));
    setBusy(false);
    onClose();
  };

  return (
    <Modal
      open
      title={t('outcome.title', { deliverable: milestone.deliverable })}
      okText={t('outcome.submit')}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="milestoneOutcome" onFinish={submit}>
        <Form.Item
          name="outcome"
          label={t('outcome.outcome')}
          rules={[{ required: true, message: t('outcome.outcomeRequired') }]}
        >
          <Radio.Group options={outcomes} />
        </Form.Item>
        {outcome === 'partially_met' && (
          <Form.Item
            name="deliveredPercent"
            label={t('outcome.deliveredPercent')}
            extra={t('outcome.deliveredPercentHelp')}
            rules={[{ required: true, message: t('outcome.deliveredPercentRequired') }]}
          >
            <InputNumber min={1} max={99} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item
          name="evidence"
          label={t('outcome.evidence')}
          rules={[{ required: true, whitespace: true, message: t('outcome.evidenceRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={5000}
            placeholder={t('outcome.evidencePlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('outcome.files')} extra={t('outcome.filesHelp')}>
          <Upload
            accept={EVIDENCE_ACCEPT}
            multiple
            fileList={files}
            beforeUpload={(file) => {
              setFiles((list) => [...list, file as unknown as UploadFile]);
              return false;
            }}
            onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
          >
            <Button icon={<UploadOutlined />}>{t('outcome.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
