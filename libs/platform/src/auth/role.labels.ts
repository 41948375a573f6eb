import { labels } from '../text/labels';
import type { EvaluatorType, Role } from './role';

export const ROLE_LABELS = labels<Role>({
  admin: ['平台管理员', 'Administrator'],
  civil_affairs: ['民政工作人员', 'Civil-affairs officer'],
  assessor: ['社区救助顾问', 'Assessor'],
  provider: ['服务机构人员', 'Provider staff'],
  evaluator: ['评估人员', 'Evaluator'],
  reporter: ['信息员', 'Reporter'],
});

export const EVALUATOR_TYPE_LABELS = labels<EvaluatorType>({
  government: ['政府评估', 'Government'],
  third_party: ['第三方专家', 'Third-party expert'],
  recipient_representative: ['受助对象代表', 'Recipient representative'],
});
