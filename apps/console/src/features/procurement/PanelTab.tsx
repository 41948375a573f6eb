import { Alert, App, Button, Card, Form, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState, errorText } from '@/components/QueryState';
import { formFieldErrors } from '@/lib/api-error';
import {
  type Declaration,
  type ProjectDetail,
  useBids,
  useDeclarations,
  useEvaluators,
  useSetPanel,
} from './api';

const EDITABLE = ['draft', 'published', 'bidding_closed'];

/** The panel (3+ evaluators, fixed once evaluation starts) and its declarations per bidder. */
export function PanelTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation(['procurement', 'common']);
  const { message } = App.useApp();
  const evaluators = useEvaluators();
  const setPanel = useSetPanel(project.id);
  const [form] = Form.useForm<{ evaluatorIds: string[] }>();
  const closed = !!project.closedAt;
  const bids = useBids(project.id, closed);
  const declarations = useDeclarations(project.id, closed);
  const editable = EDITABLE.includes(project.status);
  const users = evaluators.data?.items ?? [];
  const nameOf = (id: string) => {
    const u = users.find((x) => x.id === id);
    return u ? `${u.displayName}（${u.username}）` : t('panel.unknownUser');
  };
  const live = (bids.data?.bids ?? []).filter((b) => b.status === 'submitted');
  const declared = (evaluatorId: string, bidId: string): Declaration | undefined =>
    declarations.data?.find((d) => d.evaluatorId === evaluatorId && d.bidId === bidId);

  return (
    <>
      <Card size="small" title={t('panel.title')} style={{ marginBottom: 16 }}>
        {editable ? (
          <Form
            form={form}
            name="panel"
            layout="vertical"
            initialValues={{ evaluatorIds: project.panel }}
            onFinish={({ evaluatorIds }) =>
              setPanel
                .mutateAsync(evaluatorIds ?? [])
                .then(() => message.success(t('panel.saved')))
                .catch((e: unknown) => {
                  const fields = formFieldErrors(e);
                  if (fields.length) form.setFields(fields as never);
                  else message.error(errorText(e));
                })
            }
          >
            <Form.Item name="evaluatorIds" label={t('panel.members')} extra={t('panel.intro')}>
              <Select
                mode="multiple"
                loading={evaluators.isLoading}
                optionFilterProp="label"
                options={users.map((u) => ({
                  value: u.id,
                  label: `${u.displayName}（${u.username}）`,
                }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={setPanel.isPending}>
              {t('panel.save')}
            </Button>
          </Form>
        ) : (
          <>
            <Alert type="info" showIcon message={t('panel.locked')} style={{ marginBottom: 12 }} />
            {project.panel.map((id) => (
              <Tag key={id}>{nameOf(id)}</Tag>
            ))}
          </>
        )}
      </Card>
      <Card size="small" title={t('panel.declarations')}>
        <Alert type="info" message={t('panel.declarationsIntro')} style={{ marginBottom: 12 }} />
        {!closed ? (
          <Alert type="warning" message={t('panel.sealed')} />
        ) : (
          <QueryState
            isLoading={bids.isLoading || declarations.isLoading}
            error={bids.error ?? declarations.error}
            empty={live.length === 0}
            emptyText={t('panel.noBids')}
          >
            <Table<string>
              size="small"
              rowKey={(id) => id}
              pagination={false}
              scroll={{ x: 400 + live.length * 160 }}
              data-testid="declarations"
              dataSource={project.panel}
              columns={[
                {
                  title: t('panel.evaluator'),
                  key: 'evaluator',
                  width: 200,
                  fixed: 'left',
                  render: (_v, id) => nameOf(id),
                },
                ...live.map((bid) => ({
                  title: bid.providerName,
                  key: bid.id,
                  render: (_v: unknown, evaluatorId: string) => {
                    const d = declared(evaluatorId, bid.id);
                    if (!d) return <Tag>{t('panel.notDeclared')}</Tag>;
                    return d.conflict ? (
                      <Tag color="red" title={d.note ?? undefined}>
                        {t('panel.conflict')}
                        {d.note ? `：${d.note}` : ''}
                      </Tag>
                    ) : (
                      <Tag color="green">{t('panel.noConflict')}</Tag>
                    );
                  },
                })),
              ]}
            />
          </QueryState>
        )}
      </Card>
    </>
  );
}
