import { contentDisposition } from './content-disposition.util';

describe(contentDisposition.name, () => {
  it('gives Chinese names as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('服务方案.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E6%9C%8D%E5%8A%A1%E6%96%B9%E6%A1%88.pdf`,
    );
  });

  it('escapes what would break the header or RFC 5987 attr-chars', () => {
    const header = contentDisposition(`a "b"\\c (1)'!*.pdf`);
    expect(header).toBe(
      `attachment; filename="a _b__c (1)'!*.pdf"; filename*=UTF-8''a%20%22b%22%5Cc%20%281%29%27%21%2A.pdf`,
    );
    expect(contentDisposition('plain.docx', 'inline')).toBe(
      `inline; filename="plain.docx"; filename*=UTF-8''plain.docx`,
    );
    // Round trip: the encoded part decodes back to the exact name.
    const name = '第1版 报价（含税）.xlsx';
    const encoded = contentDisposition(name).split(`UTF-8''`)[1];
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});
