import { App, Button, Form, type FormInstance, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import {
  type Case,
  type CaseCloseReason,
  useAdviserCandidates,
  useCloseCase,
  useHandover,
  useReopenCase,
} from './api';

type Dialog = 'handover' | 'close' | 'reopen' | null;

/**
 * The case's own changes: hand-over (to an assessor the API offers), close with a reason,
 * reopen. Each sends the version read; the API's refusal (a stale version, a closed case, an
 * adviser out of area) is shown as it answers.
 */
export function CaseActions({ kase }: { kase: Case }) {
  const { t } = useTranslation(['cases', 'common']);
  const { message } = App.useApp();
  const [open, setOpen] = useState<Dialog>(null);
  const [handoverForm] = Form.useForm<{ adviserId: string; reason: string }>();
  const [closeForm] = Form.useForm<{ reason: CaseCloseReason; note?: string }>();
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const handover = useHandover(kase.id);
  const close = useCloseCase(kase.id);
  const reopen = useReopenCase(kase.id);
  const candidates = useAdviserCandidates(kase.id, open === 'handover');
  const closeReasons = useOptions('caseCloseReason');

  const done = (text: string) => {
    setOpen(null);
    void message.success(text);
  };
  const failed = (form: Pick<FormInstance, 'setFields'>) => (e: unknown) => {
    const fields = formFieldErrors(e);
    if (fields.length > 0) form.setFields(fields);
    else void message.error(errorText(e));
  };

  const dialog = (which: Exclude<Dialog, null>, pending: boolean, danger = false) => ({
    open: open === which,
    onCancel: () => setOpen(null),
    okButtonProps: { loading: pending, danger },
    cancelText: t('common:action.cancel'),
    destroyOnHidden: true,
  });

  return (
    <>
      {kase.status === 'open' ? (
        <>
          <Button onClick={() => setOpen('handover')}>{t('action.handover')}</Button>
          <Button danger onClick={() => setOpen('close')}>
            {t('action.close')}
          </Button>
        </>
      ) : (
        <Button onClick={() => setOpen('reopen')}>{t('action.reopen')}</Button>
      )}

      <Modal
        {...dialog('handover', handover.isPending)}
        title={t('handover.title')}
        okText={t('action.handover')}
        onOk={() => handoverForm.submit()}
      >
        <Typography.Paragraph type="secondary">{t('handover.hint')}</Typography.Paragraph>
        <Form
          form={handoverForm}
          layout="vertical"
          name="handoverCase"
          onFinish={(v) =>
            handover
              .mutateAsync({ ...v, reason: v.reason.trim(), version: kase.version })
              .then(() => done(t('handover.done')))
              .catch(failed(handoverForm))
          }
        >
          <Form.Item
            name="adviserId"
            label={t('handover.adviser')}
            rules={[{ required: true, message: t('handover.adviserRequired') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={candidates.isLoading}
              options={(candidates.data ?? [])
                .filter((u) => u.id !== kase.adviserId)
                .map((u) => ({ value: u.id, label: `${u.displayName}（${u.areaName}）` }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('handover.reason')}
            rules={[{ required: true, whitespace: true, message: t('handover.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        {...dialog('close', close.isPending, true)}
        title={t('close.title')}
        okText={t('action.close')}
        onOk={() => closeForm.submit()}
      >
        <Typography.Paragraph type="secondary">{t('close.hint')}</Typography.Paragraph>
        <Form
          form={closeForm}
          layout="vertical"
          name="closeCase"
          onFinish={(v) =>
            close
              .mutateAsync({ ...v, note: v.note?.trim() || undefined, version: kase.version })
              .then(() => done(t('close.done')))
              .catch(failed(closeForm))
          }
        >
          <Form.Item
            name="reason"
            label={t('close.reason')}
            rules={[{ required: true, message: t('close.reasonRequired') }]}
          >
            <Select options={closeReasons} />
          </Form.Item>
          <Form.Item name="note" label={t('close.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        {...dialog('reopen', reopen.isPending)}
        title={t('reopen.title')}
        okText={t('action.reopen')}
        onOk={() => reopenForm.submit()}
      >
        <Form
          form={reopenForm}
          layout="vertical"
          name="reopenCase"
          onFinish={(v) =>
            reopen
              .mutateAsync({ reason: v.reason.trim(), version: kase.version })
              .then(() => done(t('reopen.done')))
              .catch(failed(reopenForm))
          }
        >
          <Form.Item
            name="reason"
            label={t('reopen.reason')}
            rules={[{ required: true, whitespace: true, message: t('reopen.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
