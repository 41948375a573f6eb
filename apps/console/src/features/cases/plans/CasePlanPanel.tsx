import { EditOutlined, FileDoneOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, QueryState } from '@/components/QueryState';
import { useLabel } from '@/lib/dictionaries';
import { formatTime } from '@/lib/format';
import { AgreeModal } from './AgreeModal';
import {
  downloadPlanFile,
  type Plan,
  useGeneratePlan,
  usePlan,
  usePlanVersion,
  usePlanVersions,
} from './api';
import { PlanEditor } from './PlanEditor';
import { PLAN_COLOR, PlanView } from './PlanView';

/** The version's header: status, and who agreed, how and when (with the signed page). */
function PlanHeader({ caseId, plan }: { caseId: string; plan: Plan }) {
  const { t } = useTranslation('casePlans');
  const label = useLabel();
  const { message } = App.useApp();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('field.version')}>
        {t('versionLabel', { version: plan.version })}
      </Descriptions.Item>
      <Descriptions.Item label={t('field.status')}>
        <Tag color={PLAN_COLOR[plan.status]}>{label('planStatus', plan.status)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.createdAt')}>
        {formatTime(plan.createdAt)}
      </Descriptions.Item>
      {plan.agreedAt && (
        <>
          <Descriptions.Item label={t('field.agreedByName')}>{plan.agreedByName}</Descriptions.Item>
          <Descriptions.Item label={t('field.method')}>
            {label('planAgreementMethod', plan.agreementMethod)}
            {plan.attestedByName && `（${plan.attestedByName}）`}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.agreedAt')}>
            {formatTime(plan.agreedAt)}
          </Descriptions.Item>
        </>
      )}
      {plan.agreementFile && (
        <Descriptions.Item label={t('field.file')} span={3}>
          <Button
            type="link"
            size="small"
            icon={<PaperClipOutlined />}
            style={{ padding: 0 }}
            onClick={() =>
              downloadPlanFile(caseId, plan.agreementFile!).catch((e: unknown) =>
                message.error(errorText(e)),
              )
            }
          >
            {plan.agreementFile.name}
          </Button>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** An earlier version, read only, in a drawer. */
function VersionDrawer({
  caseId,
  version,
  onClose,
}: {
  caseId: string;
  version: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('casePlans');
  const plan = usePlanVersion(caseId, version);
  return (
    <Drawer
      open={version !== null}
      onClose={onClose}
      width={960}
      title={version !== null ? t('viewVersion', { version }) : ''}
    >
      <QueryState isLoading={plan.isLoading} error={plan.error}>
        {plan.data && (
          <>
            <PlanHeader caseId={caseId} plan={plan.data} />
            <PlanView plan={plan.data} />
          </>
        )}
      </QueryState>
    </Drawer>
  );
}

/**
 * The 计划 tab of the case page: the current plan (goals by need, flags, actions with their
 * referral's status), 生成计划 when there is none, editing, the family's agreement and the
 * earlier versions. What may be done is the API's to say (a closed case answers 409).
 */
export function CasePlanPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation('casePlans');
  const { message } = App.useApp();
  const plan = usePlan(caseId);
  const versions = usePlanVersions(caseId);
  const generate = useGeneratePlan(caseId);
  const [editing, setEditing] = useState(false);
  const [agreeing, setAgreeing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const current = plan.data;
  const earlier = (versions.data?.items ?? []).filter((v) => v.version !== current?.version);

  return (
    <QueryState isLoading={plan.isLoading} error={plan.error} onRetry={() => void plan.refetch()}>
      {current === null || current === undefined ? (
        <Empty description={t('none')}>
          <Typography.Paragraph type="secondary">{t('noneHint')}</Typography.Paragraph>
          <Button
            type="primary"
            loading={generate.isPending}
            onClick={() =>
              generate
                .mutateAsync(undefined)
                .then(() => void message.success(t('generated')))
                .catch((e: unknown) => void message.error(errorText(e)))
            }
          >
            {t('generate')}
          </Button>
        </Empty>
      ) : (
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            <Space wrap>
              {earlier.length > 0 && (
                <Select
                  aria-label={t('versions')}
                  placeholder={t('versions')}
                  style={{ width: 180 }}
                  value={null}
                  options={earlier.map((v) => ({
                    value: v.version,
                    label: t('versionLabel', { version: v.version }),
                  }))}
                  onChange={(v: number) => setViewing(v)}
                />
              )}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {current.status === 'draft' ? t('edit') : t('editAgreed')}
              </Button>
              {current.status === 'draft' && (
                <Button
                  type="primary"
                  icon={<FileDoneOutlined />}
                  onClick={() => setAgreeing(true)}
                >
                  {t('agree')}
                </Button>
              )}
            </Space>
          </Flex>
          <PlanHeader caseId={caseId} plan={current} />
          <PlanView plan={current} />
          <PlanEditor
            caseId={caseId}
            plan={current}
            open={editing}
            onClose={() => setEditing(false)}
          />
          <AgreeModal
            caseId={caseId}
            plan={current}
            open={agreeing}
            onClose={() => setAgreeing(false)}
          />
          <VersionDrawer caseId={caseId} version={viewing} onClose={() => setViewing(null)} />
        </Flex>
      )}
    </QueryState>
  );
}
