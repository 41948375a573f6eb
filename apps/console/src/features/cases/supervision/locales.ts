import { namespace } from '@/locales/types';

export default namespace(
  {
    tab: '督导',
    empty: '暂无督导意见',
    post: {
      title: '提出督导意见',
      kind: '类型',
      text: '内容',
      textPlaceholder: '对个案工作的意见或需要整改的事项',
      dueDate: '整改期限',
      submit: '提交',
      posted: '督导意见已提交',
    },
    answer: {
      label: '回复',
      placeholder: '说明已采取的措施或处理情况',
      submit: '回复',
      done: '已回复督导意见',
    },
    resolve: {
      action: '办结',
      confirm: '确认该督导意见已处理完毕？',
      done: '督导意见已办结',
    },
    item: {
      by: '{{name}} 提出',
      due: '整改期限：{{date}}',
      answeredBy: '{{name}} 回复于 {{time}}',
      resolvedAt: '办结于 {{time}}',
    },
    required: '请填写{{field}}',
  },
  {
    tab: 'Supervision',
    empty: 'No supervision yet',
    post: {
      title: 'Add supervision',
      kind: 'Kind',
      text: 'Text',
      textPlaceholder: 'A comment on the casework, or what must be done',
      dueDate: 'Due date',
      submit: 'Submit',
      posted: 'Supervision posted',
    },
    answer: {
      label: 'Answer',
      placeholder: 'What was done about it',
      submit: 'Answer',
      done: 'Answer sent',
    },
    resolve: {
      action: 'Resolve',
      confirm: 'Mark this item as resolved?',
      done: 'Supervision resolved',
    },
    item: {
      by: 'By {{name}}',
      due: 'Due {{date}}',
      answeredBy: 'Answered by {{name}} at {{time}}',
      resolvedAt: 'Resolved at {{time}}',
    },
    required: '{{field}} is required',
  },
);
