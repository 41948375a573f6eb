import { namespace } from '@/locales/types';

export default namespace(
  {
    title: '批量导入家庭',
    templateXlsx: '下载 Excel 模板',
    templateCsv: '下载 CSV 模板',
    upload: {
      text: '点击或将文件拖到此处上传',
      hint: '支持 Excel（.xlsx）和 CSV 文件（UTF-8 或 GBK 编码），单个文件不超过 10 MB',
    },
    status: { queued: '排队中', running: '导入中', done: '已完成', failed: '导入失败' },
    current: {
      title: '导入进度：{{name}}',
      format: '文件格式：{{format}}{{encoding}}',
      failed: '导入未能完成',
      total: '数据行数',
      processed: '已处理',
      imported: '导入成功（行）',
      refused: '未通过（行）',
      households: '（{{count}}户）',
      refusedRows: '未通过的行（前若干行）',
      row: '行号',
      reasons: '原因',
      errorSheet: '下载错误明细表',
    },
    recent: {
      title: '最近的导入',
      file: '文件名',
      createdAt: '上传时间',
      status: '状态',
    },
    note: {
      label: '说明',
      text: '未通过的行不会导入，请在错误明细表中按“错误原因”修改后重新上传。',
    },
  },
  {
    title: 'Import households',
    templateXlsx: 'Excel template',
    templateCsv: 'CSV template',
    upload: {
      text: 'Click or drop a file here',
      hint: 'Excel (.xlsx) or CSV (UTF-8 or GBK), up to 10 MB',
    },
    status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' },
    current: {
      title: 'Import: {{name}}',
      format: 'Format: {{format}}{{encoding}}',
      failed: 'The import could not finish',
      total: 'Rows',
      processed: 'Processed',
      imported: 'Imported (rows)',
      refused: 'Refused (rows)',
      households: ' ({{count}} households)',
      refusedRows: 'First refused rows',
      row: 'Row',
      reasons: 'Reasons',
      errorSheet: 'Download the error sheet',
    },
    recent: {
      title: 'Recent imports',
      file: 'File',
      createdAt: 'Uploaded',
      status: 'Status',
    },
    note: {
      label: 'Note',
      text: 'Refused rows are not imported: correct them in the error sheet and upload it again.',
    },
  },
);
