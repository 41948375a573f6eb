import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { type StackingKind, type StackingRule, stackingKeys } from './api';
import { ResourceSelect } from './ResourceSelect';

interface Values {
  subject: 'category' | 'pair';
  kind: StackingKind;
  categoryCode?: string;
  resourceA?: string;
  resourceB?: string;
  periodMonths?: number | null;
  note?: string;
}

interface Props {
  /** The rule edited; null adds one. */
  rule: StackingRule | null;
  open: boolean;
  onClose: () => void;
}

/**
 * Adds a rule (for a category, or for a pair of resources) or edits one's kind, period and note:
 * what a rule applies to is its identity, so it is fixed once added (the API takes no change).
 */
export function RuleFormModal({ rule, open, onClose }: Props) {
  const { t } = useTranslation(['stacking', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kinds = useOptions('stackingKind');
  const categories = useOptions('category');
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const subject = Form.useWatch('subject', form);
  const kind = Form.useWatch('kind', form);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const periodMonths = v.kind === 'once_per_period' ? (v.periodMonths ?? null) : null;
      const note = v.note?.trim() || null;
      if (rule)
        return call(
          api.PATCH('/api/stacking-rules/{id}', {
            params: { path: { id: rule.id } },
            body: { kind: v.kind, periodMonths, note, version: rule.version },
          }),
        );
      return call(
        api.POST('/api/stacking-rules', {
          body: {
            kind: v.kind,
            ...(v.subject === 'category'
              ? { categoryCode: v.categoryCode }
              : { resourceIds: [v.resourceA!, v.resourceB!] }),
            ...(periodMonths !== null ? { periodMonths } : {}),
            ...(note ? { note } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(t(rule ? 'saved' : 'created'));
      void queryClient.invalidateQueries({ queryKey: stackingKeys.rules });
      onClose();
    },
    onError: (e) => {
      // The pair is sent as resourceIds: its problems belong on both pickers.
      const fields = formFieldErrors(e).flatMap((f) =>
        f.name[0] === 'resourceIds'
          ? [
              { ...f, name: ['resourceA'] },
              { ...f, name: ['resourceB'] },
            ]
          : [f],
      );
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else setProblem(errorText(e));
    },
  });

  const initial: Partial<Values> = rule
    ? {
        subject: rule.category ? 'category' : 'pair',
        kind: rule.kind,
        categoryCode: rule.category?.code,
        resourceA: rule.resources?.[0]?.id,
        resourceB: rule.resources?.[1]?.id,
        periodMonths: rule.periodMonths,
        note: rule.note ?? undefined,
      }
    : { subject: 'category', kind: 'exclusive' };

  return (
    <Modal
      open={open}
      title={t(rule ? 'editTitle' : 'addTitle')}
      okText={t('common:action.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={() => {
        setProblem(null);
        onClose();
      }}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="stackingRule"
        layout="vertical"
        initialValues={initial}
        preserve={false}
        onFinish={(v: Values) => {
          setProblem(null);
          save.mutate(v);
        }}
      >
        <Form.Item name="subject" label={t('subject')} extra={rule ? t('subjectFixed') : undefined}>
          <Radio.Group
            disabled={!!rule}
            options={[
              { value: 'category', label: t('subjectCategory') },
              { value: 'pair', label: t('subjectPair') },
            ]}
          />
        </Form.Item>
        {subject === 'pair' ? (
          <>
            <Form.Item
              name="resourceA"
              label={t('resourceA')}
              rules={[{ required: true, message: t('requiredPick', { field: t('resourceA') }) }]}
            >
              <ResourceSelect disabled={!!rule} known={rule?.resources?.[0]} />
            </Form.Item>
            <Form.Item
              name="resourceB"
              label={t('resourceB')}
              extra={t('sameResourceHint')}
              rules={[{ required: true, message: t('requiredPick', { field: t('resourceB') }) }]}
            >
              <ResourceSelect disabled={!!rule} known={rule?.resources?.[1]} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="categoryCode"
            label={t('category')}
            rules={[{ required: true, message: t('requiredPick', { field: t('category') }) }]}
          >
            <Select options={categories} disabled={!!rule} showSearch optionFilterProp="label" />
          </Form.Item>
        )}
        <Form.Item
          name="kind"
          label={t('kind')}
          rules={[{ required: true, message: t('requiredPick', { field: t('kind') }) }]}
        >
          <Select options={kinds} />
        </Form.Item>
        {kind === 'once_per_period' && (
          <Form.Item
            name="periodMonths"
            label={t('period')}
            rules={[{ required: true, message: t('required', { field: t('period') }) }]}
          >
            <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
