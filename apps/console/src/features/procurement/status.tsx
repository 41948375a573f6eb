import { Tag } from 'antd';
import { useLabel } from '@/lib/dictionaries';
import type { ProjectStatus } from './api';

const COLORS: Record<ProjectStatus, string> = {
  draft: 'default',
  published: 'blue',
  bidding_closed: 'gold',
  evaluating: 'purple',
  awarded: 'green',
  failed: 'red',
  cancelled: 'default',
};

/** A project's status as a coloured tag, in the dictionary's words. */
export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const label = useLabel();
  return <Tag color={COLORS[status]}>{label('projectStatus', status)}</Tag>;
}
