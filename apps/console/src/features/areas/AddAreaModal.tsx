import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { yuanToFen } from '@/lib/format';
import { type Area, areaKeys } from './api';

type CreateArea = components['schemas']['CreateAreaDto'];
interface Values {
  level: CreateArea['level'];
  code: string;
  name: string;
  standardYuan?: number;
}

const LEVELS: CreateArea['level'][] = ['city', 'district', 'street', 'community'];

interface Props {
  parent: Area | null;
  open: boolean;
  onClose: () => void;
  onCreated: (area: Area) => void;
}

/**
 * Adds an area under the one picked. Only an administrator may (the API answers 403 to others,
 * and its message is shown here as it is).
 */
export function AddAreaModal({ parent, open, onClose, onCreated }: Props) {
  const { t } = useTranslation(['areas', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const levels = useOptions('areaLevel');
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const level = Form.useWatch('level', form);
  // A convenience, not a rule: the level below the parent's is offered first.
  const nextLevel = parent ? LEVELS[LEVELS.indexOf(parent.level) + 1] : 'city';

  const create = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/areas', {
          body: {
            parentId: parent?.id,
            level: v.level,
            code: v.code.trim(),
            name: v.name.trim(),
            minimumLivingStandardFen:
              v.standardYuan !== undefined && v.standardYuan !== null
                ? yuanToFen(v.standardYuan)
                : undefined,
          },
        }),
      ),
    onSuccess: (area) => {
      void message.success(t('created', { name: area.name }));
      void queryClient.invalidateQueries({ queryKey: areaKeys.all });
      form.resetFields();
      onCreated(area);
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) =>
        f.name[0] === 'minimumLivingStandardFen' ? { ...f, name: ['standardYuan'] } : f,
      );
      if (fields.length) form.setFields(fields);
      else setProblem(errorText(e));
    },
  });

  return (
    <Modal
      open={open}
      title={parent ? t('addTitle', { parent: parent.name }) : t('addRootTitle')}
      okText={t('common:action.save')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={() => {
        setProblem(null);
        onClose();
      }}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="area"
        layout="vertical"
        initialValues={{ level: nextLevel }}
        onFinish={(v: Values) => {
          setProblem(null);
          create.mutate(v);
        }}
        preserve={false}
      >
        {parent && (
          <Form.Item label={t('parent')}>
            <Input value={`${parent.name}（${parent.code}）`} disabled />
          </Form.Item>
        )}
        <Form.Item
          name="level"
          label={t('level')}
          rules={[{ required: true, message: t('requiredPick', { field: t('level') }) }]}
        >
          <Select options={levels} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('code')}
          rules={[{ required: true, message: t('required', { field: t('code') }) }]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('name')}
          rules={[{ required: true, message: t('required', { field: t('name') }) }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        {level === 'district' && (
          <Form.Item name="standardYuan" label={t('standardYuan')} extra={t('standardExtra')}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
