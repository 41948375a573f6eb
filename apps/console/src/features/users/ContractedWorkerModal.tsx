import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Descriptions, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useLabel } from '@/lib/dictionaries';
import { userKeys } from './api';
import type { IssuedLink } from './PasswordLinkModal';

interface Values {
  contractId: string;
  areaId: string;
  username: string;
  displayName: string;
  phone?: string;
}

/**
 * An organization admin opens a contracted social-work worker's account (签约社工): an adviser
 * for a live contract of their organization, placed in an area within the contract's, whose
 * access ends with the contract. The API decides what is live and where; this offers what it
 * answers (GET /api/contracted-workers/contracts).
 */
export function ContractedWorkerModal(props: {
  open: boolean;
  onClose: () => void;
  onIssued: (link: IssuedLink) => void;
}) {
  const { open, onClose, onIssued } = props;
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const contracts = useQuery({
    queryKey: ['contracted-workers', 'contracts'],
    queryFn: () => call(api.GET('/api/contracted-workers/contracts')),
    enabled: open,
  });
  const contractId = Form.useWatch('contractId', form) as string | undefined;
  const contract = contracts.data?.find((c) => c.id === contractId);

  const save = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/users', {
          body: {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            role: 'assessor',
            contractId: v.contractId,
            areaId: v.areaId,
            phone: v.phone?.trim() || undefined,
          },
        }),
      ),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void message.success(t('created', { name: user.displayName }));
      onIssued({
        kind: 'created',
        username: user.username,
        displayName: user.displayName,
        token: user.setPasswordToken,
        expiresAt: user.setPasswordTokenExpiresAt,
      });
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields);
      else if (e instanceof ApiError && e.code === 'USERNAME_TAKEN')
        form.setFields([{ name: ['username'], errors: [e.message] }]);
      else setProblem(errorText(e));
    },
  });

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('required', { field }) },
  ];
  return (
    <Modal
      open={open}
      title={t('worker.title')}
      okText={t('common:action.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      afterClose={() => {
        setProblem(null);
        form.resetFields();
      }}
      width={640}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('worker.intro')} style={{ marginBottom: 16 }} />
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      {contracts.isSuccess && contracts.data.length === 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('worker.noContract')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        name="contractedWorker"
        layout="vertical"
        onFinish={(v: Values) => {
          setProblem(null);
          save.mutate(v);
        }}
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="contractId"
              label={t('worker.contract')}
              rules={required(t('worker.contract'))}
            >
              <Select
                loading={contracts.isLoading}
                placeholder={t('worker.contractPlaceholder')}
                onChange={() => form.setFieldValue('areaId', undefined)}
                options={(contracts.data ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.title}（${c.periodStart} ~ ${c.periodEnd}）`,
                }))}
              />
            </Form.Item>
          </Col>
          {contract && (
            <Col xs={24}>
              <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('worker.accessUntil')}>
                  {contract.periodEnd}
                </Descriptions.Item>
              </Descriptions>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="areaId" label={t('worker.area')} rules={required(t('worker.area'))}>
              <Select
                disabled={!contract}
                placeholder={t('worker.areaPlaceholder')}
                showSearch
                optionFilterProp="label"
                options={(contract?.areas ?? []).map((a) => ({
                  value: a.id,
                  label: `${a.name}（${label('areaLevel', a.level)}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="username"
              label={t('field.username')}
              extra={t('field.usernameExtra')}
              rules={required(t('field.username'))}
            >
              <Input autoComplete="off" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="displayName"
              label={t('field.displayName')}
              rules={required(t('field.displayName'))}
            >
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('field.phone')}>
              <Input autoComplete="off" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
