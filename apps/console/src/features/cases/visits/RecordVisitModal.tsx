import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { BEIJING } from '@/lib/format';
import { type RecordVisit, useRecordVisit } from './api';

interface Values {
  kind: RecordVisit['kind'];
  occurredAt: Dayjs;
  note: string;
}

/** The picker shows Beijing wall-clock time whatever the browser's zone; this reads it back. */
const beijingIso = (picked: Dayjs) =>
  dayjs.tz(picked.format('YYYY-MM-DD HH:mm:ss'), BEIJING).toISOString();
const nowInBeijing = () => dayjs(dayjs().tz(BEIJING).format('YYYY-MM-DD HH:mm'));

/** Records a visit made: kind, time (Beijing) and the note (stored encrypted by the API). */
export function RecordVisitModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation(['caseVisits', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordVisit(caseId);
  const kinds = useOptions('visitKind');

  const submit = async (values: Values) => {
    try {
      await record.mutateAsync({
        kind: values.kind,
        occurredAt: beijingIso(values.occurredAt),
        note: values.note.trim(),
      });
    } catch (e) {
      form.setFields(formFieldErrors(e) as Parameters<typeof form.setFields>[0]);
      void message.error(errorText(e));
      return;
    }
    void message.success(t('form.done'));
    onClose();
  };

  return (
    <Modal
      open
      title={t('form.title')}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ loading: record.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="recordVisit"
        initialValues={{ kind: 'home_visit', occurredAt: nowInBeijing() }}
        onFinish={submit}
      >
        <Form.Item
          name="kind"
          label={t('form.kind')}
          extra={t('form.completesDue')}
          rules={[{ required: true, message: t('form.kindRequired') }]}
        >
          <Radio.Group options={kinds} />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label={t('form.occurredAt')}
          rules={[{ required: true, message: t('form.occurredAtRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(nowInBeijing(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('form.note')}
          extra={t('form.noteHelp')}
          rules={[{ required: true, whitespace: true, message: t('form.noteRequired') }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={4000}
            showCount
            placeholder={t('form.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
