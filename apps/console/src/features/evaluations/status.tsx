import { Tag } from 'antd';
import type { Project } from './api';

const COLOR: Record<Project['status'], string> = {
  draft: 'default',
  published: 'blue',
  bidding_closed: 'gold',
  evaluating: 'processing',
  awarded: 'green',
  failed: 'red',
  cancelled: 'default',
};

/** A project's status as a coloured tag. */
export function ProjectStatusTag({ status, text }: { status: Project['status']; text: string }) {
  return <Tag color={COLOR[status]}>{text}</Tag>;
}
