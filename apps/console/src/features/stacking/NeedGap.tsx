import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/generated/schema';
import { errorText } from '@/components/QueryState';
import { householdKeys } from '@/features/households/api';
import { api, call } from '@/lib/api';
import { formFieldErrors } from '@/lib/api-error';
import { useMe } from '@/lib/auth';
import { yuanToFen } from '@/lib/format';
import { describeCoverage, describeGap, type NeedGap as Gap } from './describe';

type NeedMatches = components['schemas']['NeedMatchesDto'];
type Proposal = components['schemas']['ProposalDto'];

const needsKey = (householdId: string) => ['households', householdId, 'needs'] as const;

/** Categories whose needs carry a money gap (category.moneyGap): a small, stable table. */
function useMoneyGapCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: () => call(api.GET('/api/categories')),
    staleTime: 5 * 60_000,
    select: (categories) => new Set(categories.filter((c) => c.moneyGap).map((c) => c.code)),
  });
}

/** The household's needs with their assessed gap (the matches view carries the covered part). */
function useNeedGaps(householdId: string) {
  return useQuery({
    queryKey: needsKey(householdId),
    queryFn: () =>
      call(api.GET('/api/households/{id}/needs', { params: { path: { id: householdId } } })),
    select: (needs) => new Map(needs.map((n) => [n.id, n.gapFen])),
  });
}

/**
 * A money-gap need's line: 费用缺口 ¥x，已覆盖 ¥y，尚缺 ¥z, and for the staff who assess it
 * (assessors, civil affairs) an edit in yuan. Nothing for needs of other categories.
 */
export function NeedGapLine({ householdId, need }: { householdId: string; need: NeedMatches }) {
  const { t } = useTranslation('stacking');
  const me = useMe();
  const moneyGap = useMoneyGapCategories();
  const gaps = useNeedGaps(householdId);
  const [editing, setEditing] = useState(false);
  if (!moneyGap.data?.has(need.categoryCode)) return null;
  const gapFen = gaps.data?.get(need.needId) ?? null;
  const canEdit =
    ['admin', 'civil_affairs', 'assessor'].includes(me.role) &&
    (need.status === 'open' || need.status === 'matched');
  return (
    <Space wrap data-testid="need-gap" style={{ marginBottom: 8 }}>
      <Typography.Text type={gapFen || need.gap ? undefined : 'secondary'}>
        {describeGap(need.gap, gapFen, t) ?? t('gap.none')}
      </Typography.Text>
      {canEdit && (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('gap.edit')}
        </Button>
      )}
      {editing && (
        <GapModal
          householdId={householdId}
          needId={need.needId}
          gapFen={gapFen}
          onClose={() => setEditing(false)}
        />
      )}
    </Space>
  );
}

function GapModal({
  householdId,
  needId,
  gapFen,
  onClose,
}: {
  householdId: string;
  needId: string;
  gapFen: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(['stacking', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ yuan?: number | null }>();
  const save = useMutation({
    mutationFn: (yuan: number | null | undefined) =>
      call(
        api.PUT('/api/needs/{id}/gap', {
          params: { path: { id: needId } },
          body: { gapFen: yuan === null || yuan === undefined ? null : yuanToFen(yuan) },
        }),
      ),
    onSuccess: () => {
      void message.success(t('gap.saved'));
      void queryClient.invalidateQueries({ queryKey: needsKey(householdId) });
      // The matcher runs again for the gap: the proposals and covered amount follow.
      void queryClient.invalidateQueries({ queryKey: householdKeys.matches(householdId) });
      onClose();
    },
    onError: (e) => {
      const fields = formFieldErrors(e).map((f) => ({ ...f, name: 'yuan' as const }));
      if (fields.length) form.setFields(fields);
      else void message.error(errorText(e));
    },
  });
  return (
    <Modal
      open
      title={t('gap.editTitle')}
      okText={t('common:action.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        name="needGap"
        layout="vertical"
        initialValues={{ yuan: gapFen === null ? null : gapFen / 100 }}
        onFinish={(v) => save.mutate(v.yuan)}
      >
        <Form.Item name="yuan" label={t('gap.amount')} extra={t('gap.amountExtra')}>
          <InputNumber min={0.01} max={10_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 可覆盖 ¥x（尚缺 ¥y） beside a proposal of a money-gap need. The need's gap comes from the
 * household's matches view (the household page has it loaded already; the approvals queue
 * fetches it only for proposals that cover a gap).
 */
export function ProposalCoverage({
  p,
}: {
  p: Pick<Proposal, 'householdId' | 'needId' | 'coversFen'>;
}) {
  const { t } = useTranslation('stacking');
  const covers = p.coversFen !== null && p.coversFen !== undefined;
  const matches = useQuery({
    queryKey: householdKeys.matches(p.householdId),
    queryFn: () =>
      call(api.GET('/api/households/{id}/matches', { params: { path: { id: p.householdId } } })),
    enabled: covers,
  });
  const gap: Gap | null | undefined = matches.data?.find((n) => n.needId === p.needId)?.gap;
  const text = describeCoverage(p.coversFen, gap, t);
  return text ? (
    <Typography.Text type="success" data-testid="proposal-coverage">
      {text}
    </Typography.Text>
  ) : null;
}
