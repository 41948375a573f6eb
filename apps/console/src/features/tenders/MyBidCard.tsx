import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState, errorText } from '@/components/QueryState';
import { ApiError } from '@/lib/api-error';
import { useMe } from '@/lib/auth';
import { useLabel } from '@/lib/dictionaries';
import { formatTime, formatYuan } from '@/lib/format';
import { type Bid, type TenderDetail, useProjectBids, useWithdrawBid } from './api';
import { BidFiles } from './BidFiles';
import { BidForm } from './BidForm';

const STATUS_COLOR: Record<Bid['status'], string> = {
  submitted: 'green',
  replaced: 'default',
  withdrawn: 'orange',
};

/**
 * The organization's own bid on the tender: the form while it has none and bidding is open;
 * else the bid with its status and files, and (while open) replace and withdraw. Which bids
 * are its own the API says (GET …/bids answers the bidder its own while sealed).
 */
export function MyBidCard({ project }: { project: TenderDetail }) {
  const { t } = useTranslation(['tenders', 'common']);
  const me = useMe();
  const bids = useProjectBids(project.id);
  const [editing, setEditing] = useState(false);
  // When the page opened: past the deadline the API refuses changes anyway (409).
  const [openedAt] = useState(() => Date.now());
  const mine = (bids.data?.bids ?? []).filter((b) => b.providerId === me.providerId);
  const live = mine.find((b) => b.status === 'submitted');
  // After close the API shows the bids to the organizations that bid only: a 403 means none.
  const didNotBid = bids.error instanceof ApiError && bids.error.status === 403;
  const open =
    project.status === 'published' && !!project.closesAt && Date.parse(project.closesAt) > openedAt;

  return (
    <Card
      size="small"
      title={t('bid.title')}
      style={{ marginBottom: 16 }}
      data-testid="my-bid"
      id="my-bid"
    >
      <QueryState isLoading={bids.isLoading} error={didNotBid ? null : bids.error}>
        <Alert
          type={open ? 'info' : 'warning'}
          showIcon
          message={open ? t('bid.sealed') : t('bid.closed')}
          style={{ marginBottom: 12 }}
        />
        {live && !editing && (
          <LiveBid bid={live} project={project} open={open} onReplace={() => setEditing(true)} />
        )}
        {live && editing && (
          <>
            <Typography.Title level={5}>{t('bid.editTitle')}</Typography.Title>
            <BidForm
              project={project}
              current={live}
              onDone={() => setEditing(false)}
              onCancel={() => setEditing(false)}
            />
          </>
        )}
        {!live && open && (
          <>
            <Typography.Title level={5}>{t('bid.newTitle')}</Typography.Title>
            <BidForm project={project} />
          </>
        )}
        {!live && !open && <Typography.Text type="secondary">{t('bid.none')}</Typography.Text>}
        {mine.length > 1 && <Versions bids={mine} />}
      </QueryState>
    </Card>
  );
}

function LiveBid({
  bid,
  project,
  open,
  onReplace,
}: {
  bid: Bid;
  project: TenderDetail;
  open: boolean;
  onReplace: () => void;
}) {
  const { t } = useTranslation(['tenders', 'common']);
  const label = useLabel();
  const { message, modal } = App.useApp();
  const withdraw = useWithdrawBid(project.id);

  const confirmWithdraw = () =>
    modal.confirm({
      title: t('bid.withdrawConfirm'),
      content: t('bid.withdrawContent'),
      okText: t('common:action.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: () =>
        withdraw
          .mutateAsync(bid.id)
          .then(() => message.success(t('bid.withdrawn')))
          .catch((e: unknown) => message.error(errorText(e))),
    });

  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} data-testid="live-bid">
        <Descriptions.Item label={t('bid.status')}>
          <Tag color={STATUS_COLOR[bid.status]}>{label('bidStatus', bid.status)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('bid.price')}>{formatYuan(bid.priceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('bid.submittedAt')}>
          {formatTime(bid.submittedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('bid.team')} span="filled">
          {t('bid.teamValue', {
            workers: bid.team.certifiedSocialWorkers,
            years: bid.team.yearsOperating,
          })}
          {bid.team.staffCount != null && t('bid.teamStaff', { staff: bid.team.staffCount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('bid.proposal')} span="filled">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {bid.proposal}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('bid.files')}</Typography.Text>
      <div style={{ margin: '8px 0 12px' }}>
        <BidFiles bidId={bid.id} canUpload={open} />
      </div>
      {open && (
        <Space>
          <Button onClick={onReplace}>{t('bid.replace')}</Button>
          <Button danger onClick={confirmWithdraw} loading={withdraw.isPending}>
            {t('bid.withdraw')}
          </Button>
        </Space>
      )}
    </>
  );
}

/** Every version the organization handed in: replaced ones and withdrawals stay on record. */
function Versions({ bids }: { bids: Bid[] }) {
  const { t } = useTranslation('tenders');
  const label = useLabel();
  return (
    <Table<Bid>
      style={{ marginTop: 16 }}
      title={() => t('bid.version')}
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...bids].reverse()}
      data-testid="bid-versions"
      columns={[
        {
          title: t('bid.submittedAt'),
          dataIndex: 'submittedAt',
          render: (at: string) => formatTime(at),
        },
        {
          title: t('bid.price'),
          dataIndex: 'priceFen',
          align: 'right',
          render: (fen: number) => formatYuan(fen),
        },
        {
          title: t('bid.status'),
          dataIndex: 'status',
          render: (s: Bid['status']) => <Tag color={STATUS_COLOR[s]}>{label('bidStatus', s)}</Tag>,
        },
      ]}
    />
  );
}
