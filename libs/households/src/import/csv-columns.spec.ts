import {
  acceptedLabels,
  canonicalColumn,
  columnLabel,
  CSV_COLUMNS,
  missingColumnsError,
  REQUIRED_COLUMNS,
  toCanonicalHeader,
  VALUE_ALIASES,
} from './csv-columns';

describe(canonicalColumn.name, () => {
  it.each([
    ['户编号', 'household_ref'],
    ['所属社区', 'community_code'],
    ['所属社区编码', 'community_code'],
    ['社区编码', 'community_code'],
    ['户主姓名', 'name'],
    ['身份证号码', 'id_number'],
    ['联系电话', 'phone'],
    ['与户主关系', 'relation'],
    ['性别', 'gender'],
    ['月收入（元）', 'monthly_income_yuan'],
    [' 存款 (元) ', 'savings_yuan'],
    ['身份证号*', 'id_number'],
    ['ID_NUMBER', 'id_number'],
    ['household_ref', 'household_ref'],
  ])('maps %s to %s', (header, column) => {
    expect(canonicalColumn(header)).toBe(column);
  });

  it('has a Chinese header for every column, each naming one column only', () => {
    const all = Object.values(CSV_COLUMNS).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const column of Object.keys(CSV_COLUMNS)) {
      expect(canonicalColumn(columnLabel(column))).toBe(column);
      expect(columnLabel(column)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('marks an unknown header rather than dropping it', () => {
    expect(toCanonicalHeader(['户编号', '备注'])).toEqual(['household_ref', 'unknown:备注']);
  });
});

describe(missingColumnsError.name, () => {
  it('accepts a header with every required column', () => {
    expect(missingColumnsError([...REQUIRED_COLUMNS])).toBeNull();
  });

  it('names the missing columns, in English and by their Chinese header', () => {
    const sut = missingColumnsError(REQUIRED_COLUMNS.filter((c) => c !== 'id_number'));
    expect(sut?.message).toBe('The header lacks id_number');
    expect(sut?.details).toEqual([
      {
        field: 'header',
        constraint: 'importColumnMissing',
        params: { columns: '身份证号' },
        message: 'missing columns id_number',
      },
    ]);
  });
});

describe('VALUE_ALIASES', () => {
  it.each([
    ['gender', '男', 'male'],
    ['gender', '女', 'female'],
    ['relation', '户主', 'self'],
    ['relation', '配偶', 'spouse'],
    ['relation', '子女', 'child'],
    ['relation', '父母', 'parent'],
    ['relation', '其他', 'other'],
    ['chronic_illness', '是', 'true'],
    ['chronic_illness', '否', 'false'],
    ['residency', '本地', 'local'],
  ])('maps %s %s to %s', (column, label, code) => {
    expect(VALUE_ALIASES[column][label]).toBe(code);
  });

  it('lists one accepted label per code, the first one', () => {
    expect(acceptedLabels('gender')).toEqual(['男', '女']);
    expect(acceptedLabels('relation')).toEqual([
      '户主',
      '配偶',
      '子女',
      '父母',
      '孙子女',
      '祖父母',
      '兄弟姐妹',
      '其他',
    ]);
    expect(acceptedLabels('name')).toEqual([]);
  });
});
