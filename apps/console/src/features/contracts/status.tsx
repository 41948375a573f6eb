import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useLabel } from '@/lib/dictionaries';
import type { Contract, Milestone } from './api';

const CONTRACT: Record<Contract['status'], string> = {
  active: 'processing',
  completed: 'green',
  terminated: 'red',
};

const PAYMENT: Record<Milestone['paymentStatus'], string> = {
  none: 'default',
  waiting: 'gold',
  paid: 'green',
};

const OUTCOME: Record<Milestone['outcome'], string> = {
  scheduled: 'default',
  met: 'green',
  partially_met: 'gold',
  not_met: 'red',
};

export function ContractStatusTag({
  status,
  style,
}: {
  status: Contract['status'];
  style?: CSSProperties;
}) {
  const label = useLabel();
  return (
    <Tag color={CONTRACT[status]} style={style}>
      {label('contractStatus', status)}
    </Tag>
  );
}

export function PaymentTag({ status }: { status: Milestone['paymentStatus'] }) {
  const label = useLabel();
  return <Tag color={PAYMENT[status]}>{label('paymentStatus', status)}</Tag>;
}

export function OutcomeTag({ outcome }: { outcome: Milestone['outcome'] }) {
  const label = useLabel();
  return <Tag color={OUTCOME[outcome]}>{label('milestoneOutcome', outcome)}</Tag>;
}
