import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from '@/lib/dictionaries';
import { describeStackingConflict, type StackingConflict, stackingConflictOf } from './describe';

/** Why a candidate was excluded by the stacking rules, naming the benefit and its source. */
export function StackingWhyNot({ conflict }: { conflict?: StackingConflict | null }) {
  const { t } = useTranslation('stacking');
  const label = useLabel();
  if (!conflict) return null;
  return (
    <Typography.Text type="secondary" data-testid="stacking-conflict">
      {describeStackingConflict(conflict, t, label)}
    </Typography.Text>
  );
}

/** For an error's details: its stacking conflict in words, or nothing (an Alert's description). */
export function stackingWhyNotOf(details: unknown) {
  const conflict = stackingConflictOf(details);
  return conflict ? <StackingWhyNot conflict={conflict} /> : undefined;
}
