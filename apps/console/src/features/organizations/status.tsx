import { Tag } from 'antd';
import type { Provider } from './api';

const COLOR: Record<Provider['verification'], string> = {
  pending: 'gold',
  verified: 'green',
  suspended: 'red',
};

/** A provider's verification as a coloured tag. */
export function VerificationTag({
  status,
  text,
}: {
  status: Provider['verification'];
  text: string;
}) {
  return <Tag color={COLOR[status]}>{text}</Tag>;
}
