import { App, Button, Form, Input, Modal, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageContainer } from '@/components/PageContainer';
import { QueryState, errorText } from '@/components/QueryState';
import { type ProjectDetail, type Transition, useCancel, useProject, useTransition } from './api';
import { AwardTab } from './AwardTab';
import { BidsTab } from './BidsTab';
import { OverviewTab } from './OverviewTab';
import { PanelTab } from './PanelTab';
import { RankingTab } from './RankingTab';
import { ProjectStatusTag } from './status';

const TABS = ['overview', 'panel', 'bids', 'ranking', 'award'] as const;
const OPEN = ['draft', 'published', 'bidding_closed', 'evaluating'];

/** One project for staff: the tender, its panel, bids, ranking and award, with its actions. */
export function ProjectPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation(['procurement', 'common']);
  const project = useProject(id);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'overview';
  const p = project.data;

  return (
    <PageContainer
      title={p?.title ?? t('title')}
      crumbs={[[t('title'), '/procurement']]}
      extra={p && <Actions project={p} />}
    >
      <QueryState isLoading={project.isLoading} error={project.error}>
        {p && (
          <>
            <div style={{ marginBottom: 8 }}>
              <ProjectStatusTag status={p.status} />
            </div>
            <Tabs
              activeKey={tab}
              onChange={(key) => setParams({ tab: key }, { replace: true })}
              items={[
                {
                  key: 'overview',
                  label: t('project.tabs.overview'),
                  children: <OverviewTab project={p} />,
                },
                {
                  key: 'panel',
                  label: t('project.tabs.panel'),
                  children: <PanelTab project={p} />,
                },
                { key: 'bids', label: t('project.tabs.bids'), children: <BidsTab project={p} /> },
                {
                  key: 'ranking',
                  label: t('project.tabs.ranking'),
                  children: <RankingTab project={p} />,
                },
                {
                  key: 'award',
                  label: t('project.tabs.award'),
                  children: <AwardTab project={p} />,
                },
              ]}
              destroyInactiveTabPane
            />
          </>
        )}
      </QueryState>
    </PageContainer>
  );
}

/**
 * The status actions the project's state suggests; the API decides, and its refusal (409 with
 * the current status, bidding still open…) is shown as it answers.
 */
function Actions({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation(['procurement', 'common']);
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const transition = useTransition(project.id);
  const cancel = useCancel(project.id);
  const [cancelling, setCancelling] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const ask = (to: Transition, title: string, content: string) =>
    modal.confirm({
      title,
      content,
      onOk: () =>
        transition
          .mutateAsync(to)
          .then(() => message.success(t('project.done')))
          .catch((e: unknown) => message.error(errorText(e))),
    });

  return (
    <>
      {project.status === 'draft' && (
        <Button type="primary" onClick={() => navigate(`/procurement/${project.id}/edit`)}>
          {t('project.edit')}
        </Button>
      )}
      {project.status === 'published' && (
        <Button
          type="primary"
          onClick={() => ask('close-bidding', t('project.closeTitle'), t('project.closeBody'))}
        >
          {t('project.closeBidding')}
        </Button>
      )}
      {project.status === 'bidding_closed' && (
        <Button
          type="primary"
          onClick={() => ask('start-evaluation', t('project.startTitle'), t('project.startBody'))}
        >
          {t('project.startEvaluation')}
        </Button>
      )}
      {OPEN.includes(project.status) && (
        <Button danger onClick={() => setCancelling(true)}>
          {t('project.cancel')}
        </Button>
      )}
      <Modal
        open={cancelling}
        title={t('project.cancelTitle')}
        okText={t('project.cancel')}
        okButtonProps={{ danger: true, loading: cancel.isPending }}
        onCancel={() => setCancelling(false)}
        onOk={() => form.submit()}
        destroyOnClose
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={({ reason }) =>
            cancel
              .mutateAsync(reason)
              .then(() => {
                message.success(t('project.cancelled'));
                setCancelling(false);
              })
              .catch((e: unknown) => message.error(errorText(e)))
          }
        >
          <Form.Item
            name="reason"
            label={t('project.cancelReason')}
            rules={[
              { required: true, whitespace: true, message: t('project.cancelReasonRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
