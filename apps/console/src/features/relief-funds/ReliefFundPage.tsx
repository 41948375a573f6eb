import { WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { useCategories } from '@/features/assistance/api';
import { formFieldErrors } from '@/lib/api-error';
import { useLabel, useOptions } from '@/lib/dictionaries';
import { formatTime, formatYuan, yuanToFen } from '@/lib/format';
import {
  allocate,
  cancelDonation,
  closeFund,
  type Donation,
  downloadStatement,
  type FundMovement,
  fundKeys,
  pledge,
  receive,
  type ReliefFund,
  useDonations,
  useFund,
  useMovements,
} from './api';

type Dialog = 'allocate' | 'pledge' | 'statement' | { receive: Donation } | { cancel: Donation };

/**
 * /relief-funds/:id: the fund's balance, budget and period, its movements and its donations;
 * for the staff who manage it, 追加拨款, 登记认捐 / 确认到账 / 取消, closing; for every reader,
 * the statement of a period as a workbook.
 */
export function ReliefFundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('reliefFunds');
  const label = useLabel();
  const fund = useFund(id);
  const [movementPage, setMovementPage] = useState(1);
  const [donationPage, setDonationPage] = useState(1);
  const movements = useMovements(id, movementPage);
  const donations = useDonations(id, donationPage);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const f = fund.data;
  const manage = !!f?.canManage && f.status === 'active';
  const close = useMutation({
    mutationFn: () => closeFund(id, f!.version),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: fundKeys.all }),
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <PageContainer
      title={f?.name ?? '…'}
      crumbs={[[t('list.title'), '/relief-funds']]}
      extra={
        f && (
          <>
            <Button onClick={() => setDialog('statement')}>{t('fund.statement')}</Button>
            {manage && (
              <>
                <Button type="primary" onClick={() => setDialog('allocate')}>
                  {t('fund.allocate')}
                </Button>
                <Popconfirm title={t('fund.closeConfirm')} onConfirm={() => close.mutate()}>
                  <Button danger loading={close.isPending}>
                    {t('fund.close')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </>
        )
      }
    >
      <QueryState isLoading={fund.isLoading} error={fund.error}>
        {f && (
          <>
            {!f.canManage && (
              <Alert
                type="info"
                showIcon
                message={t('fund.readOnly')}
                style={{ marginBottom: 12 }}
              />
            )}
            <Card style={{ marginBottom: 16 }}>
              <Statistic
                title={t('list.balance')}
                value={formatYuan(f.balanceFen)}
                data-testid="fund-balance"
                valueStyle={f.belowThreshold ? { color: '#cf1322' } : undefined}
                suffix={
                  f.belowThreshold && (
                    <Tag color="red" icon={<WarningOutlined />}>
                      {t('list.low')}
                    </Tag>
                  )
                }
              />
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('list.kind')}>
                  {label('fundKind', f.kind)}
                </Descriptions.Item>
                <Descriptions.Item label={t('list.area')}>{f.areaName}</Descriptions.Item>
                <Descriptions.Item label={t('fund.office')}>{f.managingOffice}</Descriptions.Item>
                <Descriptions.Item label={t('fund.budget')}>
                  {formatYuan(f.budgetFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('list.threshold')}>
                  {formatYuan(f.thresholdFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('list.period')}>
                  {f.periodStart} – {f.periodEnd}
                </Descriptions.Item>
                <Descriptions.Item label={t('fund.restricted')}>
                  {f.restrictedCategoryCode
                    ? label('category', f.restrictedCategoryCode)
                    : t('fund.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('list.status')}>
                  {label('fundStatus', f.status)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card
              title={t('donations.title')}
              style={{ marginBottom: 16 }}
              extra={
                manage &&
                f.kind === 'donation' && (
                  <Button onClick={() => setDialog('pledge')}>{t('donations.pledge')}</Button>
                )
              }
            >
              {f.kind === 'reserve' && (
                <Alert
                  type="info"
                  message={t('donations.onlyDonationFund')}
                  style={{ marginBottom: 8 }}
                />
              )}
              <Table<Donation>
                rowKey="id"
                size="small"
                loading={donations.isLoading}
                dataSource={donations.data?.items ?? []}
                scroll={{ x: 900 }}
                pagination={{
                  current: donationPage,
                  pageSize: 10,
                  total: donations.data?.total ?? 0,
                  onChange: setDonationPage,
                }}
                columns={[
                  { title: t('donations.donorName'), dataIndex: 'donorName' },
                  {
                    title: t('donations.donorKind'),
                    dataIndex: 'donorKind',
                    render: (k: string) => label('donorKind', k),
                  },
                  {
                    title: t('donations.amount'),
                    dataIndex: 'amountFen',
                    align: 'right',
                    render: (v: number) => formatYuan(v),
                  },
                  {
                    title: t('donations.status'),
                    dataIndex: 'status',
                    render: (s: string, d) => (
                      <Tag
                        color={s === 'received' ? 'green' : s === 'pledged' ? 'blue' : undefined}
                        title={d.cancelReason ?? undefined}
                      >
                        {label('donationStatus', s)}
                      </Tag>
                    ),
                  },
                  {
                    title: t('donations.pledgedAt'),
                    dataIndex: 'pledgedAt',
                    render: (v: string) => formatTime(v),
                  },
                  {
                    title: t('donations.receivedAt'),
                    dataIndex: 'receivedAt',
                    render: (v: string | null) => formatTime(v),
                  },
                  { title: t('donations.receiptNumber'), dataIndex: 'receiptNumber' },
                  {
                    key: 'actions',
                    render: (_v, d) =>
                      manage &&
                      d.status === 'pledged' && (
                        <>
                          <Button
                            size="small"
                            type="link"
                            onClick={() => setDialog({ receive: d })}
                          >
                            {t('donations.receive')}
                          </Button>
                          <Button
                            size="small"
                            type="link"
                            danger
                            onClick={() => setDialog({ cancel: d })}
                          >
                            {t('donations.cancel')}
                          </Button>
                        </>
                      ),
                  },
                ]}
              />
            </Card>
            <Card title={t('fund.movements')}>
              <Table<FundMovement>
                rowKey="id"
                size="small"
                loading={movements.isLoading}
                dataSource={movements.data?.items ?? []}
                scroll={{ x: 800 }}
                pagination={{
                  current: movementPage,
                  pageSize: 10,
                  total: movements.data?.total ?? 0,
                  onChange: setMovementPage,
                }}
                columns={[
                  {
                    title: t('fund.time'),
                    dataIndex: 'occurredAt',
                    render: (v: string) => formatTime(v),
                  },
                  {
                    title: t('fund.movementKind'),
                    dataIndex: 'kind',
                    render: (k: string) => label('fundMovementKind', k),
                  },
                  {
                    title: t('fund.income'),
                    key: 'in',
                    align: 'right',
                    render: (_v, m) => (m.amountFen >= 0 ? formatYuan(m.amountFen) : ''),
                  },
                  {
                    title: t('fund.expense'),
                    key: 'out',
                    align: 'right',
                    render: (_v, m) => (m.amountFen < 0 ? formatYuan(-m.amountFen) : ''),
                  },
                  { title: t('fund.note'), dataIndex: 'note' },
                  { title: t('fund.recordedBy'), dataIndex: 'recordedByName' },
                ]}
              />
            </Card>
            {dialog && <FundDialog fund={f} dialog={dialog} onClose={() => setDialog(null)} />}
          </>
        )}
      </QueryState>
    </PageContainer>
  );
}

/** One form in a modal per action; field errors from the API go onto the form's fields. */
function FundDialog({
  fund,
  dialog,
  onClose,
}: {
  fund: ReliefFund;
  dialog: Dialog;
  onClose: () => void;
}) {
  const { t } = useTranslation('reliefFunds');
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, string | number | undefined>>();
  const donorKinds = useOptions('donorKind');
  const categories = useCategories();
  const required = [{ required: true, whitespace: true, message: t('fund.required') }];
  const amountRules = [
    { required: true, message: t('fund.required') },
    {
      validator: (_: unknown, v: number | null) =>
        v == null || (v > 0 && /^\d+(\.\d{1,2})?$/.test(String(v)))
          ? Promise.resolve()
          : Promise.reject(new Error(t('fund.amountInvalid'))),
    },
  ];
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

  let title: string;
  let body: ReactNode;
  let run: (v: Record<string, string | number | undefined>) => Promise<unknown>;
  if (dialog === 'allocate') {
    title = t('fund.allocate');
    run = (v) => allocate(fund.id, yuanToFen(v.amount!), text(v.note));
    body = (
      <>
        <Form.Item name="amount" label={t('fund.amount')} rules={amountRules}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('fund.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </>
    );
  } else if (dialog === 'pledge') {
    title = t('donations.pledge');
    run = (v) =>
      pledge(fund.id, {
        donorKind: v.donorKind as Donation['donorKind'],
        donorName: text(v.donorName)!,
        amountFen: yuanToFen(v.amount!),
        ...(text(v.donorPhone) ? { donorPhone: text(v.donorPhone) } : {}),
        ...(v.restrictedCategoryCode
          ? { restrictedCategoryCode: String(v.restrictedCategoryCode) }
          : {}),
        ...(text(v.note) ? { note: text(v.note) } : {}),
      });
    body = (
      <>
        <Form.Item
          name="donorKind"
          label={t('donations.donorKind')}
          rules={required}
          initialValue="individual"
        >
          <Select options={donorKinds} />
        </Form.Item>
        <Form.Item name="donorName" label={t('donations.donorName')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="donorPhone" label={t('donations.donorPhone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="amount" label={t('donations.amount')} rules={amountRules}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        {fund.restrictedCategoryCode && (
          <Form.Item name="restrictedCategoryCode" label={t('donations.restrictedCategory')}>
            <Select
              allowClear
              options={(categories.data ?? [])
                .filter((c) => c.code === fund.restrictedCategoryCode)
                .map((c) => ({ value: c.code, label: label('category', c.code) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('donations.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </>
    );
  } else if (dialog === 'statement') {
    title = t('fund.statement');
    run = (v) => downloadStatement(fund, String(v.from), String(v.to));
    body = (
      <>
        <Form.Item
          name="from"
          label={t('fund.from')}
          rules={required}
          initialValue={fund.periodStart}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('fund.to')} rules={required} initialValue={fund.periodEnd}>
          <Input type="date" />
        </Form.Item>
      </>
    );
  } else if ('receive' in dialog) {
    title = `${t('donations.receiveTitle')}：${dialog.receive.donorName}`;
    run = (v) => receive(dialog.receive.id, text(v.receiptNumber));
    body = (
      <>
        <p>{t('donations.receiveHint', { amount: formatYuan(dialog.receive.amountFen) })}</p>
        <Form.Item name="receiptNumber" label={t('donations.receiptNumber')}>
          <Input maxLength={50} />
        </Form.Item>
      </>
    );
  } else {
    title = `${t('donations.cancelTitle')}：${dialog.cancel.donorName}`;
    run = (v) => cancelDonation(dialog.cancel.id, text(v.reason)!);
    body = (
      <Form.Item name="reason" label={t('donations.cancelReason')} rules={required}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    );
  }

  const submit = useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: fundKeys.all });
      void message.success(t('fund.saved'));
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => ({
        ...f,
        name: f.name.map((n) => (n === 'amountFen' ? 'amount' : n)),
      }));
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(e));
    },
  });

  return (
    <Modal
      open
      title={title}
      okButtonProps={{ loading: submit.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnClose
    >
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
        {body}
      </Form>
    </Modal>
  );
}
