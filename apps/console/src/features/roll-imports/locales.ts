import { namespace } from '@/locales/types';

export default namespace(
  {
    title: '救助名册导入',
    template: '下载名册模板',
    form: {
      title: '导入名册',
      grantedBy: '发放机构',
      grantedByHint: '名册中未填“发放机构”的行按此记录',
      grantedByRequired: '请填写发放机构',
      ownOrganization: '以本机构名义导入：只记录本机构服务范围内的家庭，发放机构为本机构。',
      defaults: '名册未填写时的默认值',
      categoryCode: '救助类别',
      titleField: '救助项目',
      form: '救助形式',
      frequency: '发放方式',
      file: '名册文件',
      fileRequired: '请选择名册文件',
      submit: '导入',
    },
    upload: {
      text: '点击或将名册文件拖到此处',
      hint: '支持 Excel（.xlsx）和 CSV 文件（UTF-8 或 GBK 编码），单个文件不超过 10 MB',
      chosen: '已选择：{{name}}',
    },
    stats: {
      total: '数据行数',
      imported: '已记入台账',
      unmatched: '未找到家庭',
      refused: '未通过',
      duplicate: '已导入过（跳过）',
    },
    recent: {
      title: '最近的名册导入',
      file: '文件名',
      grantedBy: '发放机构',
      createdAt: '上传时间',
      status: '状态',
    },
    note: {
      label: '说明',
      text: '按身份证号匹配已登记家庭的成员；未找到家庭和未通过的行不会记入台账，可下载错误明细表核对。重复上传同一名册不会重复记录。',
    },
  },
  {
    title: 'Roll imports',
    template: 'Roll template',
    form: {
      title: 'Import a roll',
      grantedBy: 'Granting organization',
      grantedByHint: 'For rows without their own granting organization',
      grantedByRequired: 'Name the granting organization',
      ownOrganization:
        "Imported as your organization's roll: only households within its reach, granted by it.",
      defaults: 'Defaults for rows that leave them empty',
      categoryCode: 'Category',
      titleField: 'Benefit',
      form: 'Form',
      frequency: 'Frequency',
      file: 'Roll file',
      fileRequired: 'Choose the roll file',
      submit: 'Import',
    },
    upload: {
      text: 'Click or drop the roll here',
      hint: 'Excel (.xlsx) or CSV (UTF-8 or GBK), up to 10 MB',
      chosen: 'Chosen: {{name}}',
    },
    stats: {
      total: 'Rows',
      imported: 'In the ledger',
      unmatched: 'No household found',
      refused: 'Refused',
      duplicate: 'Already imported (skipped)',
    },
    recent: {
      title: 'Recent roll imports',
      file: 'File',
      grantedBy: 'Granted by',
      createdAt: 'Uploaded',
      status: 'Status',
    },
    note: {
      label: 'Note',
      text: 'Rows are matched to registered members by identity number; rows with no household found or refused are not recorded (see the error sheet). Sending the same roll again records nothing twice.',
    },
  },
);
