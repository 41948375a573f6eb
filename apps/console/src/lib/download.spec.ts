import { filenameOf } from './download';

describe('download file names', () => {
  it('reads the UTF-8 name first, then the plain one, else the fallback', () => {
    expect(
      filenameOf(
        `attachment; filename="errors.xlsx"; filename*=UTF-8''${encodeURIComponent('导入错误-1a2b.xlsx')}`,
        'x.xlsx',
      ),
    ).toBe('导入错误-1a2b.xlsx');
    expect(filenameOf('attachment; filename="template.csv"', 'x.csv')).toBe('template.csv');
    expect(filenameOf(null, 'x.csv')).toBe('x.csv');
  });
});
