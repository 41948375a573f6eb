import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { errorText } from '@/components/QueryState';
import { AreaSelect } from '@/features/areas/AreaSelect';
import { api, call } from '@/lib/api';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { type Provider, providerKeys } from './api';

type CreateProvider = components['schemas']['CreateProviderDto'];
interface Values {
  kind: CreateProvider['kind'];
  name: string;
  uscc: string;
  homeAreaId: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

interface Props {
  /** undefined: closed; null: register; a provider: edit its name and contact. */
  editing: Provider | null | undefined;
  onClose: () => void;
  onSaved?: (provider: Provider) => void;
}

/** Register a provider in one's area (it starts pending verification), or edit one (version). */
export function ProviderFormModal({ editing, onClose, onSaved }: Props) {
  const { t } = useTranslation(['organizations', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const kinds = useOptions('providerKind');
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const open = editing !== undefined;
  const isEdit = !!editing;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, homeAreaId: editing.homeArea.id });
  }, [open, editing, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? call(
            api.PATCH('/api/providers/{id}', {
              params: { path: { id: editing.id } },
              body: {
                version: editing.version,
                name: v.name.trim(),
                contactName: blank(v.contactName),
                contactPhone: blank(v.contactPhone),
                address: blank(v.address),
              },
            }),
          )
        : call(
            api.POST('/api/providers', {
              body: {
                kind: v.kind,
                name: v.name.trim(),
                uscc: v.uscc.trim().toUpperCase(),
                homeAreaId: v.homeAreaId,
                contactName: blank(v.contactName),
                contactPhone: blank(v.contactPhone),
                address: blank(v.address),
              },
            }),
          ),
    onSuccess: (provider) => {
      void queryClient.invalidateQueries({ queryKey: providerKeys.all });
      void message.success(isEdit ? t('updated') : t('created', { name: provider.name }));
      onSaved?.(provider);
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields);
      else if (e instanceof ApiError && e.code === 'PROVIDER_USCC_TAKEN')
        form.setFields([{ name: ['uscc'], errors: [e.message] }]);
      else setProblem(errorText(e));
    },
  });

  const required = (field: string) => ({
    required: true,
    message: t('required', { field: t(field) }),
  });

  return (
    <Modal
      open={open}
      title={isEdit ? t('editTitle') : t('create')}
      okText={t('common:action.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      afterClose={() => setProblem(null)}
      width={640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="provider"
        layout="vertical"
        onFinish={(v: Values) => {
          setProblem(null);
          save.mutate(v);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('field.name')} rules={[required('field.name')]}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="kind"
              label={t('field.kind')}
              rules={[{ required: true, message: t('requiredPick', { field: t('field.kind') }) }]}
            >
              <Select options={kinds} disabled={isEdit} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="uscc"
              label={t('field.uscc')}
              extra={isEdit ? undefined : t('field.usccExtra')}
              rules={[required('field.uscc')]}
            >
              <Input maxLength={18} disabled={isEdit} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {isEdit ? (
              <Form.Item label={t('field.homeArea')}>
                <Input value={editing.homeArea.name} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="homeAreaId"
                label={t('field.homeArea')}
                extra={t('field.homeAreaExtra')}
                rules={[
                  { required: true, message: t('requiredPick', { field: t('field.homeArea') }) },
                ]}
              >
                <AreaSelect />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('field.contactName')}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactPhone" label={t('field.contactPhone')}>
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('field.address')}>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
