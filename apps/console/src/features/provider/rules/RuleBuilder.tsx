import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, InputNumber, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOptions } from '@/lib/dictionaries';
import {
  addChild,
  type Condition,
  type ConditionValues,
  type Group,
  newCondition,
  newGroup,
  type NodeProblem,
  nodePaths,
  PREDICATES,
  type RangePredicate,
  removeNode,
  type RuleNode,
  TAG_LISTS,
  updateNode,
} from './tree';

interface Props {
  value: Group;
  onChange: (tree: Group) => void;
  /** The API's errors, already put on their nodes (problemsByNode). */
  problems: Map<string, NodeProblem[]>;
  disabled?: boolean;
}

/** Number bounds and steps of each range (the API checks them again). */
const RANGE_INPUT: Record<RangePredicate, { min: number; max: number; step: number }> = {
  perCapitaIncomeRatio: { min: 0, max: 100, step: 0.1 },
  memberAge: { min: 0, max: 150, step: 1 },
  householdSize: { min: 1, max: 50, step: 1 },
  childrenInSchool: { min: 0, max: 50, step: 1 },
};

interface Ctx extends Props {
  paths: Map<string, string>;
}

/**
 * The eligibility rule builder: groups whose conditions must all hold (全部满足) or one of them
 * (满足其一), nested as deep as needed, each condition one predicate of the API's closed set as
 * form controls. What the API says is wrong shows under the node it concerns.
 */
export function RuleBuilder(props: Props) {
  const ctx: Ctx = { ...props, paths: nodePaths(props.value) };
  return <GroupView ctx={ctx} group={props.value} root />;
}

function Problems({ problems }: { problems?: NodeProblem[] }) {
  if (!problems?.length) return null;
  return (
    <div role="alert" data-testid="rule-error">
      {problems.map((p, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 13 }}>
          {p.message}
        </Typography.Text>
      ))}
    </div>
  );
}

function GroupView({ ctx, group, root }: { ctx: Ctx; group: Group; root?: boolean }) {
  const { t } = useTranslation('provider');
  const { value: tree, onChange, disabled } = ctx;
  const problems = ctx.problems.get(group.key);
  const path = ctx.paths.get(group.key)!;
  return (
    <div
      data-testid={`rule-${path}`}
      role="group"
      aria-label={root ? t('rules.rootGroup') : t('rules.group')}
      style={{
        border: `1px solid ${problems?.length ? '#ff4d4f' : '#d9d9d9'}`,
        borderInlineStart: `3px solid ${group.op === 'all' ? '#1677ff' : '#fa8c16'}`,
        borderRadius: 6,
        padding: 12,
        background: root ? undefined : '#fafafa',
      }}
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: group.children.length ? 12 : 0 }}>
        <Select
          aria-label={t('rules.op')}
          value={group.op}
          disabled={disabled}
          style={{ width: 130 }}
          onChange={(op) => onChange(updateNode(tree, group.key, (n) => ({ ...n, op }) as Group))}
          options={[
            { value: 'all', label: t('rules.all') },
            { value: 'any', label: t('rules.any') },
          ]}
        />
        <Typography.Text type="secondary">
          {group.op === 'all' ? t('rules.allHint') : t('rules.anyHint')}
        </Typography.Text>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }} wrap>
          <Dropdown
            disabled={disabled}
            trigger={['click']}
            menu={{
              items: PREDICATES.map((p) => ({ key: p, label: t(`rules.predicate.${p}`) })),
              onClick: ({ key }) =>
                onChange(
                  addChild(tree, group.key, newCondition(key as (typeof PREDICATES)[number])),
                ),
            }}
          >
            <Button size="small" icon={<PlusOutlined />}>
              {t('rules.addCondition')}
            </Button>
          </Dropdown>
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() =>
              onChange(addChild(tree, group.key, newGroup(group.op === 'all' ? 'any' : 'all')))
            }
          >
            {t('rules.addGroup')}
          </Button>
          {!root && (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={disabled}
              onClick={() => onChange(removeNode(tree, group.key))}
            >
              {t('rules.removeGroup')}
            </Button>
          )}
        </Flex>
      </Flex>
      {root && group.children.length === 0 && (
        <Typography.Text type="secondary">{t('rules.none')}</Typography.Text>
      )}
      <Flex vertical gap={8}>
        {group.children.map((child) => (
          <NodeView key={child.key} ctx={ctx} node={child} />
        ))}
      </Flex>
      <Problems problems={problems} />
    </div>
  );
}

function NodeView({ ctx, node }: { ctx: Ctx; node: RuleNode }) {
  return node.kind === 'group' ? (
    <GroupView ctx={ctx} group={node} />
  ) : (
    <ConditionView ctx={ctx} condition={node} />
  );
}

function ConditionView({ ctx, condition }: { ctx: Ctx; condition: Condition }) {
  const { t } = useTranslation('provider');
  const { value: tree, onChange, disabled } = ctx;
  const problems = ctx.problems.get(condition.key);
  const path = ctx.paths.get(condition.key)!;
  const set = (value: unknown) =>
    onChange(updateNode(tree, condition.key, (n) => ({ ...n, value }) as Condition));
  const bad = (part: string) =>
    problems?.some((p) => p.part === part || p.part === '') ? ('error' as const) : undefined;
  return (
    <div
      data-testid={`rule-${path}`}
      role="group"
      aria-label={t(`rules.predicate.${condition.predicate}`)}
      style={{
        border: `1px solid ${problems?.length ? '#ff4d4f' : '#f0f0f0'}`,
        borderRadius: 6,
        padding: '8px 12px',
        background: '#fff',
      }}
    >
      <Flex wrap gap={8} align="center">
        <Typography.Text strong style={{ minWidth: 120 }}>
          {t(`rules.predicate.${condition.predicate}`)}
        </Typography.Text>
        <Controls condition={condition} set={set} bad={bad} disabled={disabled} />
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('rules.removeCondition')}
          title={t('rules.removeCondition')}
          disabled={disabled}
          style={{ marginInlineStart: 'auto' }}
          onClick={() => onChange(removeNode(tree, condition.key))}
        />
      </Flex>
      <Problems problems={problems} />
    </div>
  );
}

type Status = 'error' | undefined;

function Controls({
  condition,
  set,
  bad,
  disabled,
}: {
  condition: Condition;
  set: (value: unknown) => void;
  bad: (part: string) => Status;
  disabled?: boolean;
}): ReactNode {
  const { t } = useTranslation('provider');
  const tiers = useOptions('tier');
  const residencies = useOptions('residency');
  const circles = useOptions('circle');
  const name = t(`rules.predicate.${condition.predicate}`);
  switch (condition.predicate) {
    case 'tier':
    case 'residency':
      return (
        <Select
          mode="multiple"
          aria-label={name}
          placeholder={t('rules.pick')}
          status={bad('in')}
          disabled={disabled}
          style={{ minWidth: 260, flex: 1 }}
          value={condition.value.in}
          options={condition.predicate === 'tier' ? tiers : residencies}
          onChange={(v: string[]) => set({ in: v })}
        />
      );
    case 'circle': {
      const v = condition.value;
      return (
        <Space wrap>
          <Select
            mode="multiple"
            aria-label={t('rules.circleIn')}
            placeholder={t('rules.circleIn')}
            status={bad('in')}
            disabled={disabled}
            style={{ minWidth: 240 }}
            value={(v.in ?? []).map(String)}
            options={circles}
            onChange={(codes: string[]) =>
              set({ ...v, in: codes.length ? codes.map(Number) : undefined })
            }
          />
          <InputNumber
            aria-label={t('rules.circleMax')}
            placeholder={t('rules.circleMax')}
            status={bad('max')}
            disabled={disabled}
            min={1}
            max={4}
            precision={0}
            style={{ width: 150 }}
            value={v.max}
            onChange={(max) => set({ ...v, max: max ?? undefined })}
          />
        </Space>
      );
    }
    case 'hasDisability':
    case 'hasChronicIllness':
      return (
        <Select
          aria-label={name}
          disabled={disabled}
          status={bad('')}
          style={{ width: 200 }}
          value={condition.value ? 'yes' : 'no'}
          onChange={(v) => set(v === 'yes')}
          options={[
            { value: 'yes', label: t(`rules.yes.${condition.predicate}`) },
            { value: 'no', label: t(`rules.no.${condition.predicate}`) },
          ]}
        />
      );
    case 'householdTags': {
      const v = condition.value;
      return (
        <Flex wrap gap={8} style={{ flex: 1 }}>
          {TAG_LISTS.map((list) => (
            <Select
              key={list}
              mode="tags"
              aria-label={t(`rules.tags.${list}`)}
              placeholder={t(`rules.tags.${list}`)}
              status={bad(list)}
              disabled={disabled}
              open={false}
              suffixIcon={null}
              style={{ minWidth: 180, flex: 1 }}
              value={v[list] ?? []}
              onChange={(tags: string[]) => set({ ...v, [list]: tags.length ? tags : undefined })}
            />
          ))}
        </Flex>
      );
    }
    default: {
      const p = condition.predicate;
      const v = condition.value as ConditionValues[RangePredicate];
      const input = RANGE_INPUT[p];
      const unit = t(`rules.unit.${p}`);
      const bound = (key: 'min' | 'max') => (
        <InputNumber
          aria-label={`${name}${t(`rules.${key}`)}`}
          placeholder={t(`rules.${key}`)}
          status={bad(key)}
          disabled={disabled}
          min={input.min}
          max={input.max}
          step={input.step}
          precision={input.step < 1 ? 2 : 0}
          style={{ width: 130 }}
          addonAfter={unit}
          value={v[key]}
          onChange={(n) => set({ ...v, [key]: n ?? undefined })}
        />
      );
      return (
        <Space wrap>
          {bound('min')}
          <Typography.Text type="secondary">{t('rules.to')}</Typography.Text>
          {bound('max')}
        </Space>
      );
    }
  }
}
