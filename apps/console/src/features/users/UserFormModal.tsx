import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { AreaSelect } from '@/features/areas/AreaSelect';
import { useProviderChoices } from '@/features/organizations/api';
import { api, call } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useOptions } from '@/lib/dictionaries';
import { type CreateUser, type User, useUser, userKeys } from './api';
import type { IssuedLink } from './PasswordLinkModal';

interface Values {
  username: string;
  displayName: string;
  role: CreateUser['role'];
  areaId?: string;
  providerId?: string;
  isOrgAdmin?: boolean;
  evaluatorType?: CreateUser['evaluatorType'];
  phone?: string;
  email?: string;
}

/** Which fields the form shows for a role (what the API expects of it; the API still checks). */
function fieldsFor(role: string | undefined) {
  return {
    area: role !== undefined && role !== 'admin',
    provider: role === 'provider',
    evaluator: role === 'evaluator',
  };
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

interface Props {
  /** undefined: closed; null: create; a user: edit. */
  editing: User | null | undefined;
  onClose: () => void;
  onIssued: (link: IssuedLink) => void;
}

/** Create an account in scope (its set-password link follows), or edit one (optimistic version). */
export function UserFormModal({ editing, onClose, onIssued }: Props) {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const me = useMe();
  // An organization admin manages its own organization's provider users only.
  const orgAdmin = me.role === 'provider';
  const allRoles = useOptions('role');
  // Their contracted workers (assessors) are edited here too, keeping role and organization.
  const contracted = !!editing?.contractId;
  const roles = orgAdmin
    ? allRoles.filter((r) => r.value === 'provider' || (contracted && r.value === 'assessor'))
    : allRoles;
  const evaluatorTypes = useOptions('evaluatorType');
  const providers = useProviderChoices();
  const open = editing !== undefined;
  const isEdit = !!editing;
  const full = useUser(editing?.id);
  const role = Form.useWatch('role', form) as string | undefined;
  const show = fieldsFor(role);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (full.data) form.setFieldsValue({ ...full.data });
    else if (orgAdmin) form.setFieldsValue({ role: 'provider', providerId: me.providerId });
  }, [open, full.data, form, orgAdmin, me.providerId]);

  const onError = (e: unknown) => {
    const fields = formFieldErrors(e);
    if (fields.length) form.setFields(fields);
    else if (e instanceof ApiError && e.code === 'USERNAME_TAKEN')
      form.setFields([{ name: ['username'], errors: [e.message] }]);
    else setProblem(errorText(e));
  };

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const s = fieldsFor(v.role);
      if (!editing) {
        const created = await call(
          api.POST('/api/users', {
            body: {
              username: v.username.trim(),
              displayName: v.displayName.trim(),
              role: v.role,
              areaId: s.area ? v.areaId : undefined,
              providerId: s.provider ? v.providerId : undefined,
              isOrgAdmin: s.provider ? !!v.isOrgAdmin : undefined,
              evaluatorType: s.evaluator ? v.evaluatorType : undefined,
              phone: blank(v.phone),
              email: blank(v.email),
            },
          }),
        );
        return { created };
      }
      // Fields that do not go with the role are cleared (null), so a change of role fits.
      await call(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: editing.id } },
          body: {
            version: full.data?.version ?? editing.version,
            displayName: v.displayName.trim(),
            role: v.role,
            // An organization admin does not pick areas: the account's own is kept.
            areaId: s.area ? ((orgAdmin ? full.data?.areaId : v.areaId) ?? null) : null,
            providerId: s.provider
              ? (v.providerId ?? null)
              : contracted
                ? (full.data?.providerId ?? editing.providerId)
                : null,
            isOrgAdmin: s.provider ? !!v.isOrgAdmin : false,
            evaluatorType: s.evaluator ? (v.evaluatorType ?? null) : null,
            phone: blank(v.phone) ?? null,
            email: blank(v.email) ?? null,
          },
        }),
      );
      return { created: undefined };
    },
    onSuccess: ({ created: user }) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      if (user) {
        void message.success(t('created', { name: user.displayName }));
        onIssued({
          kind: 'created',
          username: user.username,
          displayName: user.displayName,
          token: user.setPasswordToken,
          expiresAt: user.setPasswordTokenExpiresAt,
        });
      } else {
        void message.success(t('updated'));
      }
      onClose();
    },
    onError,
  });

  return (
    <Modal
      open={open}
      title={isEdit ? t('editTitle', { name: editing.displayName }) : t('create')}
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
        name="user"
        layout="vertical"
        disabled={isEdit && full.isLoading}
        onFinish={(v: Values) => {
          setProblem(null);
          save.mutate(v);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('field.username')}
              extra={isEdit ? undefined : t('field.usernameExtra')}
              rules={[{ required: true, message: t('required', { field: t('field.username') }) }]}
            >
              <Input disabled={isEdit} autoComplete="off" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('field.displayName')}
              rules={[
                { required: true, message: t('required', { field: t('field.displayName') }) },
              ]}
            >
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="role"
              label={t('field.role')}
              rules={[{ required: true, message: t('required', { field: t('field.role') }) }]}
            >
              <Select options={roles} />
            </Form.Item>
          </Col>
          {show.area && !orgAdmin && (
            <Col xs={24} sm={12}>
              <Form.Item name="areaId" label={t('field.area')}>
                <AreaSelect placeholder={t('field.areaPlaceholder')} allowClear />
              </Form.Item>
            </Col>
          )}
          {show.provider && (
            <Col xs={24} sm={12}>
              <Form.Item name="providerId" label={t('field.provider')}>
                <Select
                  options={providers.options}
                  loading={providers.loading}
                  placeholder={t('field.providerPlaceholder')}
                  disabled={orgAdmin}
                  showSearch
                  optionFilterProp="label"
                  allowClear
                />
              </Form.Item>
            </Col>
          )}
          {show.provider && (
            <Col xs={24} sm={12}>
              <Form.Item name="isOrgAdmin" valuePropName="checked" label=" ">
                <Checkbox>{t('field.isOrgAdmin')}</Checkbox>
              </Form.Item>
            </Col>
          )}
          {show.evaluator && (
            <Col xs={24} sm={12}>
              <Form.Item name="evaluatorType" label={t('field.evaluatorType')}>
                <Select options={evaluatorTypes} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('field.phone')}>
              <Input autoComplete="off" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('field.email')}>
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
