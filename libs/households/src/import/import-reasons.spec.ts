import { constraintReason } from './import-reasons';

describe(constraintReason.name, () => {
  it.each([
    ['id_number', 'isIdNumber', '110105194912310020', '身份证号校验位不正确'],
    ['id_number', 'isIdNumber', '11010519491331002X', '身份证号中的出生日期不存在'],
    ['id_number', 'isIdNumber', '1101', '身份证号格式不正确（应为17位数字加1位校验码）'],
    ['id_number', 'isIdNumber', '', '身份证号不能为空'],
    ['name', 'isString', undefined, '姓名不能为空'],
    ['gender', 'isIn', 'M', '性别取值无效（可填：男、女）'],
    ['residency', 'isIn', 'x', '户籍取值无效（可填：本地、非本地）'],
    ['phone', 'matches', 'abc', '联系电话格式不正确'],
    ['monthly_income_yuan', 'isInt', 'abc', '月收入(元)须为数字'],
    ['disability_grade', 'max', '9', '残疾等级超出允许范围'],
  ])('%s failing %s → %s', (column, constraint, raw, reason) => {
    expect(constraintReason(column, constraint, raw)).toBe(reason);
  });

  it('never quotes the value (an identity number must not travel into a reason)', () => {
    expect(constraintReason('id_number', 'isIdNumber', '110105194912310020')).not.toMatch(/\d{6}/);
  });
});
