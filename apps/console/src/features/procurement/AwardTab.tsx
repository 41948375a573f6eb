import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { QueryState, errorText } from '@/components/QueryState';
import { ApiError, formFieldErrors } from '@/lib/api-error';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type ProjectDetail, useAward, useLapse, useRanking } from './api';
import { points } from './RankingTab';

type Award = components['schemas']['AwardDto'];
type Values = { bidId: string; justification: string; deviationReason?: string };

/**
 * The award from a complete ranking. The console does not decide whether a deviation reason is
 * needed: the API answers AWARD_DEVIATION_UNJUSTIFIED and the message is put on that field.
 */
export function AwardTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation(['procurement', 'common']);
  const { message, modal } = App.useApp();
  const label = useLabel();
  const closed = !!project.closedAt;
  const ranking = useRanking(project.id, closed);
  const award = useAward(project.id);
  const lapse = useLapse();
  const [form] = Form.useForm<Values>();
  const entries = [...(ranking.data?.entries ?? [])].sort(
    (a, b) => (a.rank ?? 99) - (b.rank ?? 99),
  );
  const bidderOf = (bidId: string) => entries.find((e) => e.bidId === bidId)?.providerName ?? '—';
  const open = project.status === 'evaluating' && ranking.data?.status === 'ranked';

  function submit(values: Values) {
    modal.confirm({
      title: t('award.confirmTitle', { bidder: bidderOf(values.bidId) }),
      content: t('award.confirmBody'),
      onOk: () =>
        award
          .mutateAsync({
            bidId: values.bidId,
            justification: values.justification,
            ...(values.deviationReason?.trim() ? { deviationReason: values.deviationReason } : {}),
          })
          .then(() => message.success(t('award.awarded')))
          .catch((e: unknown) => {
            if (e instanceof ApiError && e.code === 'AWARD_DEVIATION_UNJUSTIFIED')
              form.setFields([{ name: 'deviationReason', errors: [e.message] }]);
            else if (formFieldErrors(e).length) form.setFields(formFieldErrors(e) as never);
            else message.error(errorText(e));
          }),
    });
  }

  return (
    <>
      {!closed ? (
        <Alert type="info" showIcon message={t('award.notReady')} style={{ marginBottom: 16 }} />
      ) : (
        <QueryState isLoading={ranking.isLoading} error={ranking.error}>
          {open ? (
            <Card size="small" title={t('award.title')} style={{ marginBottom: 16 }}>
              <Form<Values>
                form={form}
                name="award"
                layout="vertical"
                onFinish={submit}
                style={{ maxWidth: 720 }}
              >
                <Form.Item
                  name="bidId"
                  label={t('award.bid')}
                  rules={[{ required: true, message: t('award.bidRequired') }]}
                >
                  <Select
                    options={entries
                      .filter((e) => !e.declined)
                      .map((e) => ({
                        value: e.bidId,
                        label: t('award.bidOption', {
                          rank: e.rank ?? '—',
                          bidder: e.providerName,
                          total: points(e.total),
                          price: formatYuan(e.priceFen),
                        }),
                      }))}
                  />
                </Form.Item>
                <Form.Item
                  name="justification"
                  label={t('award.justification')}
                  rules={[
                    { required: true, whitespace: true, message: t('award.justificationRequired') },
                  ]}
                >
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
                <Form.Item
                  name="deviationReason"
                  label={t('award.deviationReason')}
                  extra={t('award.deviationHint')}
                >
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={award.isPending}>
                  {t('award.submit')}
                </Button>
              </Form>
            </Card>
          ) : (
            project.awards.length === 0 && (
              <Alert
                type="info"
                showIcon
                message={t('award.notReady')}
                style={{ marginBottom: 16 }}
              />
            )
          )}
        </QueryState>
      )}
      <Card size="small" title={t('award.awards')}>
        <Table<Award>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={project.awards}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('award.none') }}
          data-testid="awards"
          columns={[
            { title: t('award.rank'), dataIndex: 'rank', width: 60 },
            { title: t('award.bidder'), dataIndex: 'bidId', render: (id: string) => bidderOf(id) },
            {
              title: t('award.value'),
              dataIndex: 'valueFen',
              width: 140,
              align: 'right',
              render: (f: number) => formatYuan(f),
            },
            {
              title: t('award.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: string) => <Tag>{label('awardStatus', s)}</Tag>,
            },
            { title: t('award.justification'), dataIndex: 'justification' },
            {
              title: t('award.deviationReason'),
              dataIndex: 'deviationReason',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('award.respondBy'),
              dataIndex: 'respondBy',
              width: 150,
              render: (v: string) => formatTime(v),
            },
            {
              title: t('field.actions'),
              key: 'actions',
              width: 110,
              render: (_v, a) =>
                a.status === 'pending' && (
                  <Popconfirm
                    title={t('award.lapseTitle')}
                    onConfirm={() =>
                      lapse
                        .mutateAsync(a.id)
                        .then(() => message.success(t('award.lapsed')))
                        .catch((e: unknown) => message.error(errorText(e)))
                    }
                  >
                    <Button size="small">{t('award.lapse')}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
