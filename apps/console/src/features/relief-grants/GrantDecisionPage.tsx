import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { fundKeys } from '@/features/relief-funds/api';
import { QueryState, errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import { isStaff, useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan, yuanToFen } from '@/lib/format';
import {
  type Grant,
  approveGrant,
  cancelGrant,
  grantKeys,
  payGrant,
  rejectGrant,
  useGrant,
} from './api';

/**
 * /relief-grants/:id: one grant's decision — the household, the reason, the fund's balance and
 * the officer's own limit; approve (the amount editable, debited from the fund at once), reject
 * with a reason, and 确认发放 once it is approved — or 撤销批准 with a reason (approved by
 * mistake, the family cannot be paid), which credits the fund back.
 */
export function GrantDecisionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reliefGrants');
  const label = useLabel();
  const me = useMe();
  const grant = useGrant(id);
  const g = grant.data;
  const staff = isStaff(me);

  return (
    <PageContainer
      title={g ? `${t('detail.title')} · ${g.headName ?? '—'}` : t('detail.title')}
      crumbs={[[t('queue.title'), '/relief-grants']]}
      subTitle={g && <Tag>{label('grantStatus', g.status)}</Tag>}
    >
      <QueryState
        isLoading={grant.isLoading}
        error={grant.error}
        onRetry={() => void grant.refetch()}
      >
        {g && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small">
                <Descriptions column={1} size="small" data-testid="grant-facts">
                  <Descriptions.Item label={t('detail.household')}>
                    <Link to={`/households/${g.householdId}`}>
                      {g.headName ?? '—'} · {g.communityName}
                    </Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('detail.reason')}>{g.reason}</Descriptions.Item>
                  <Descriptions.Item label={t('detail.amount')}>
                    {formatYuan(g.amountFen)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('detail.fund')}>{g.fundName}</Descriptions.Item>
                  <Descriptions.Item label={t('detail.balance')}>
                    <span data-testid="fund-balance">{formatYuan(g.fundBalanceFen)}</span>
                  </Descriptions.Item>
                  {staff && (
                    <Descriptions.Item label={t('detail.myLimit')}>
                      <span data-testid="my-limit">
                        {g.approverLimitFen === null
                          ? t('detail.unlimited')
                          : formatYuan(g.approverLimitFen)}
                      </span>
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('detail.requestedBy')}>
                    {g.requestedByName ?? '—'} · {formatTime(g.createdAt)}
                  </Descriptions.Item>
                  {g.status === 'requested' && (
                    <Descriptions.Item label={t('detail.deadline')}>
                      {formatTime(g.decisionDueAt)}{' '}
                      {g.overdue && <Tag color="red">{t('queue.overdue')}</Tag>}
                    </Descriptions.Item>
                  )}
                  {g.decidedAt && (
                    <Descriptions.Item label={t('detail.decidedBy')}>
                      {g.decidedByName ?? '—'} · {formatTime(g.decidedAt)}
                    </Descriptions.Item>
                  )}
                  {g.decisionNote && (
                    <Descriptions.Item label={t('detail.decisionNote')}>
                      {g.decisionNote}
                    </Descriptions.Item>
                  )}
                  {g.paidAt && (
                    <Descriptions.Item label={t('detail.paidAt')}>
                      {formatTime(g.paidAt)} · {g.paymentNote}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
            </Col>
            {staff && (
              <Col xs={24} xl={10}>
                {g.status === 'requested' && <DecideCard grant={g} />}
                {g.status === 'approved' && <PayCard grant={g} />}
              </Col>
            )}
          </Row>
        )}
      </QueryState>
    </PageContainer>
  );
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (updated: Grant) => {
    queryClient.setQueryData(grantKeys.one(id), updated);
    void queryClient.invalidateQueries({ queryKey: grantKeys.all });
    // A debit or a credit back changes the fund's balance shown on the funds pages too.
    void queryClient.invalidateQueries({ queryKey: fundKeys.all });
  };
}

function DecideCard({ grant }: { grant: Grant }) {
  const { t } = useTranslation('reliefGrants');
  const { message } = App.useApp();
  const refresh = useRefresh(grant.id);
  const [form] = Form.useForm<{ amountYuan: number; note?: string }>();
  const [rejecting, setRejecting] = useState(false);
  const amountYuan = Form.useWatch('amountYuan', form) ?? grant.amountFen / 100;
  const above = grant.approverLimitFen !== null && yuanToFen(amountYuan) > grant.approverLimitFen;
  const approve = useMutation({
    mutationFn: (v: { amountYuan: number; note?: string }) =>
      approveGrant(grant.id, {
        amountFen: yuanToFen(v.amountYuan),
        note: v.note?.trim() || undefined,
      }),
    onSuccess: (g) => {
      refresh(g);
      void message.success(t('detail.approved'));
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });
  return (
    <Card size="small" title={t('detail.approveTitle')}>
      {above && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('detail.aboveLimit', { limit: formatYuan(grant.approverLimitFen) })}
          data-testid="above-limit"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amountYuan: grant.amountFen / 100 }}
        onFinish={(v) => approve.mutate(v)}
      >
        <Form.Item
          name="amountYuan"
          label={t('detail.approveAmount')}
          rules={[{ required: true, message: t('detail.required') }]}
        >
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('detail.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={approve.isPending} disabled={above}>
            {t('detail.approve')}
          </Button>
          <Button danger onClick={() => setRejecting(true)}>
            {t('detail.reject')}
          </Button>
        </Flex>
      </Form>
      {rejecting && <ReasonModal grant={grant} kind="reject" onClose={() => setRejecting(false)} />}
    </Card>
  );
}

/**
 * A decision that needs its reason: 不予批准 (a requested grant) or 撤销批准 (an approved,
 * unpaid one, whose amount goes back to the fund). One dialog; the API says what is allowed.
 */
function ReasonModal({
  grant,
  kind,
  onClose,
}: {
  grant: Grant;
  kind: 'reject' | 'cancel';
  onClose: () => void;
}) {
  const { t } = useTranslation('reliefGrants');
  const { message } = App.useApp();
  const refresh = useRefresh(grant.id);
  const [form] = Form.useForm<{ reason: string }>();
  const run = useMutation({
    mutationFn: (reason: string) =>
      kind === 'reject' ? rejectGrant(grant.id, reason) : cancelGrant(grant.id, reason),
    onSuccess: (g) => {
      refresh(g);
      void message.success(t(kind === 'reject' ? 'detail.rejected' : 'detail.cancelled'));
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });
  return (
    <Modal
      open
      title={t(kind === 'reject' ? 'detail.rejectTitle' : 'detail.cancelTitle')}
      okText={t(kind === 'reject' ? 'detail.reject' : 'detail.cancel')}
      okButtonProps={{ danger: true, loading: run.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {kind === 'cancel' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('detail.cancelHelp', { amount: formatYuan(grant.amountFen) })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t(kind === 'reject' ? 'detail.rejectReason' : 'detail.cancelReason')}
          rules={[
            { required: true, whitespace: true, message: t('detail.required') },
            ...(kind === 'cancel' ? [{ min: 2, message: t('detail.cancelReasonShort') }] : []),
          ]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PayCard({ grant }: { grant: Grant }) {
  const { t } = useTranslation('reliefGrants');
  const { message } = App.useApp();
  const refresh = useRefresh(grant.id);
  const [form] = Form.useForm<{ paymentNote: string }>();
  const [cancelling, setCancelling] = useState(false);
  const run = useMutation({
    mutationFn: (note: string) => payGrant(grant.id, note),
    onSuccess: (g) => {
      refresh(g);
      void message.success(t('detail.paid'));
    },
    onError: (e) => {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });
  return (
    <Card size="small" title={t('detail.payTitle')}>
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v.paymentNote.trim())}>
        <Form.Item
          name="paymentNote"
          label={t('detail.payNote')}
          rules={[{ required: true, whitespace: true, message: t('detail.required') }]}
        >
          <Input placeholder={t('detail.payNotePlaceholder')} maxLength={500} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={run.isPending}>
            {t('detail.pay')}
          </Button>
          <Button danger onClick={() => setCancelling(true)}>
            {t('detail.cancel')}
          </Button>
        </Flex>
      </Form>
      {cancelling && (
        <ReasonModal grant={grant} kind="cancel" onClose={() => setCancelling(false)} />
      )}
    </Card>
  );
}
