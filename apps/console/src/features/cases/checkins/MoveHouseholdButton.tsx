import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useCommunities, useMoveAdvisers } from './api';

interface Values {
  communityId: string;
  address?: string;
  adviserId?: string;
  reason: string;
}

/**
 * The case page's 迁移 action (staff): the family moved to another community. The API decides
 * who may (an area covering both communities) and what follows (hand-over, re-matching).
 */
export function MoveHouseholdButton({
  householdId,
  communityId,
  onMoved,
}: {
  householdId: string;
  communityId: string;
  onMoved?: () => void;
}) {
  const { t } = useTranslation('caseCheckins');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('communityId', form);
  const communities = useCommunities(open);
  const advisers = useMoveAdvisers(householdId, target);

  const move = useMutation({
    mutationFn: (v: Values) =>
      call(
        api.POST('/api/households/{id}/move', {
          params: { path: { id: householdId } },
          body: {
            communityId: v.communityId,
            address: v.address?.trim() || undefined,
            adviserId: v.adviserId || undefined,
            reason: v.reason.trim(),
          },
        }),
      ),
    onSuccess: (m) => {
      void message.success(
        m.withdrawnProposals > 0
          ? `${t('move.done')}；${t('move.withdrawn', { n: m.withdrawnProposals })}`
          : t('move.done'),
      );
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['households', householdId] });
      onMoved?.();
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });

  const required = [{ required: true, message: t('required') }];
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('move.button')}</Button>
      <Modal
        open={open}
        title={t('move.title')}
        okText={t('move.submit')}
        onOk={() => form.submit()}
        confirmLoading={move.isPending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => move.mutate(v)}>
          <Form.Item name="communityId" label={t('move.community')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={communities.isLoading}
              onChange={() => form.setFieldValue('adviserId', undefined)}
              options={(communities.data?.items ?? [])
                .filter((a) => a.id !== communityId)
                .map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
          <Form.Item name="address" label={t('move.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="adviserId" label={t('move.adviser')} extra={t('move.adviserHelp')}>
            <Select
              allowClear
              disabled={!target}
              loading={advisers.isLoading}
              options={(advisers.data ?? []).map((a) => ({
                value: a.id,
                label: `${a.displayName}（${a.areaName}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('move.reason')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
