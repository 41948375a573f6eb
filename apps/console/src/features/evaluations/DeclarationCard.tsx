import { App, Button, Card, Form, Input, Radio, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/components/QueryState';
import { type Bid, type Declaration, useDeclare } from './api';

interface Props {
  projectId: string;
  bids: Bid[];
  declarations: Declaration[];
}

type Values = { items: { conflict?: boolean; note?: string }[] };

/** One declaration per bidder, sent together after a confirmation: they are final. */
export function DeclarationCard({ projectId, bids, declarations }: Props) {
  const { t } = useTranslation(['evaluations', 'common']);
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const declare = useDeclare(projectId);
  const declared = new Map(declarations.map((d) => [d.bidId, d]));
  const pending = bids.filter((b) => !declared.has(b.id));

  const send = (values: Values) =>
    modal.confirm({
      title: t('declare.confirmTitle'),
      content: t('declare.confirm'),
      okText: t('common:action.confirm'),
      cancelText: t('common:action.cancel'),
      onOk: () =>
        declare
          .mutateAsync(
            pending.map((b, i) => ({
              bidId: b.id,
              conflict: values.items[i].conflict!,
              note: values.items[i].note?.trim() || undefined,
            })),
          )
          .then(() => message.success(t('declare.done')))
          .catch((e: unknown) => message.error(errorText(e))),
    });

  return (
    <Card title={t('declare.title')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('declare.intro')}</Typography.Paragraph>
      {bids.length === 0 && <Typography.Text>{t('declare.noBids')}</Typography.Text>}
      {declarations.length > 0 && (
        <Table<Declaration>
          rowKey="bidId"
          size="small"
          pagination={false}
          dataSource={declarations}
          style={{ marginBottom: pending.length ? 16 : 0 }}
          columns={[
            {
              title: t('declare.bidder'),
              dataIndex: 'bidId',
              render: (id: string) => bids.find((b) => b.id === id)?.providerName ?? id,
            },
            {
              title: t('declare.conflict'),
              dataIndex: 'conflict',
              render: (c: boolean) =>
                c ? <Tag color="red">{t('declare.yes')}</Tag> : <Tag>{t('declare.no')}</Tag>,
            },
            { title: t('declare.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          ]}
        />
      )}
      {pending.length > 0 && (
        <Form form={form} layout="vertical" name="declarations" onFinish={send}>
          {pending.map((b, i) => (
            <Card
              key={b.id}
              size="small"
              type="inner"
              title={b.providerName}
              style={{ marginBottom: 8 }}
            >
              <Form.Item
                name={['items', i, 'conflict']}
                label={t('declare.conflict')}
                rules={[{ required: true, message: t('declare.required') }]}
              >
                <Radio.Group
                  aria-label={`${b.providerName} ${t('declare.conflict')}`}
                  options={[
                    { value: false, label: t('declare.no') },
                    { value: true, label: t('declare.yes') },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name={['items', i, 'note']}
                label={t('declare.note')}
                style={{ marginBottom: 0 }}
              >
                <Input maxLength={1000} placeholder={t('declare.notePlaceholder')} />
              </Form.Item>
            </Card>
          ))}
          <Button type="primary" htmlType="submit" loading={declare.isPending}>
            {t('declare.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
