import { namespace } from '@/locales/types';

export default namespace(
  {
    title: '访问日志',
    subTitle: '辖区内家庭档案的每一次查看：谁、何时、从哪个页面打开',
    filter: { user: '人员', userPlaceholder: '输入用户名或姓名搜索', dates: '日期' },
    column: { at: '时间', user: '人员', role: '角色', household: '家庭', page: '页面' },
  },
  {
    title: 'Access log',
    subTitle: 'Every opening of a household record in your area: who, when, from which page',
    filter: { user: 'User', userPlaceholder: 'Search by username or name', dates: 'Dates' },
    column: { at: 'Time', user: 'User', role: 'Role', household: 'Household', page: 'Page' },
  },
);
