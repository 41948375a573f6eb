import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useCorrectVisitNote, type Visit } from './api';

/** Its author corrects a note (the API holds the 7-day window and audits the change). */
export function CorrectNoteModal({
  caseId,
  visit,
  onClose,
}: {
  caseId: string;
  visit: Visit;
  onClose: () => void;
}) {
  const { t } = useTranslation(['caseVisits', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const correct = useCorrectVisitNote(caseId);

  const submit = async ({ note }: { note: string }) => {
    try {
      await correct.mutateAsync({ visitId: visit.id, note: note.trim(), version: visit.version });
    } catch (e) {
      form.setFields(formFieldErrors(e) as Parameters<typeof form.setFields>[0]);
      void message.error(errorText(e));
      return;
    }
    void message.success(t('correction.done'));
    onClose();
  };

  return (
    <Modal
      open
      title={t('correction.title')}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ loading: correct.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="correctVisitNote"
        initialValues={{ note: visit.note ?? '' }}
        onFinish={submit}
      >
        <Form.Item
          name="note"
          label={t('form.note')}
          extra={t('correction.help')}
          rules={[{ required: true, whitespace: true, message: t('form.noteRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
