import { App, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { type OpenEvaluation, useEvaluatorCandidates, useOpenEvaluation } from './api';

interface Values {
  kind: OpenEvaluation['kind'];
  government: string[];
  third_party: string[];
  recipient_representative: string[];
}

const TYPES = ['government', 'third_party', 'recipient_representative'] as const;
const TYPE_LABEL = {
  government: 'openModal.government',
  third_party: 'openModal.thirdParty',
  recipient_representative: 'openModal.recipient',
} as const;

/**
 * Staff open a mid-term or final evaluation with evaluators of each type the API needs:
 * government (staff or evaluator accounts), third party and recipient representatives.
 */
export function OpenEvaluationModal({
  contractId,
  onClose,
}: {
  contractId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(['contracts', 'common']);
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kinds = useOptions('evaluationKind');
  const candidates = useEvaluatorCandidates(true);
  const open = useOpenEvaluation(contractId);
  const options = (type: (typeof TYPES)[number]) =>
    (candidates.data ?? [])
      .filter((u) => type === 'government' || u.role === 'evaluator')
      .map((u) => ({
        value: u.id,
        label:
          u.role === 'evaluator' && u.evaluatorType
            ? `${u.displayName}（${label('evaluatorType', u.evaluatorType)}）`
            : `${u.displayName}（${label('role', u.role)}）`,
      }));

  const submit = (v: Values) =>
    open
      .mutateAsync({
        kind: v.kind,
        evaluators: TYPES.flatMap((type) => (v[type] ?? []).map((userId) => ({ userId, type }))),
      })
      .then(() => {
        void message.success(t('openModal.done'));
        onClose();
      })
      .catch((e: unknown) => void message.error(errorText(e)));

  return (
    <Modal
      open
      title={t('openModal.title')}
      okText={t('openModal.submit')}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ loading: open.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('openModal.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="openEvaluation" onFinish={submit}>
        <Form.Item
          name="kind"
          label={t('openModal.kind')}
          rules={[{ required: true, message: t('openModal.kindRequired') }]}
        >
          <Select options={kinds} />
        </Form.Item>
        {TYPES.map((type) => (
          <Form.Item
            key={type}
            name={type}
            label={t(TYPE_LABEL[type])}
            rules={[{ required: true, type: 'array', min: 1, message: t('openModal.required') }]}
          >
            <Select
              mode="multiple"
              loading={candidates.isLoading}
              options={options(type)}
              optionFilterProp="label"
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
