import { detectFileKind } from './file-type.util';

const bytes = (...b: number[]) => Uint8Array.from([...b, 0, 0, 0, 0, 0, 0, 0, 0]);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s));

describe(detectFileKind.name, () => {
  it('recognizes PDF, PNG and JPEG by their leading bytes, whatever the name says', () => {
    expect(detectFileKind(ascii('%PDF-1.7\n'), '方案.pdf')).toBe('pdf');
    expect(detectFileKind(ascii('%PDF-1.4\n'), 'no-extension')).toBe('pdf');
    expect(detectFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'a.png')).toBe(
      'png',
    );
    expect(detectFileKind(bytes(0xff, 0xd8, 0xff, 0xe0), 'photo.JPG')).toBe('jpeg');
  });

  it('tells Word from Excel in a zip or OLE2 container by the name only', () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04);
    const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    expect(detectFileKind(zip, '报告.docx')).toBe('docx');
    expect(detectFileKind(zip, '预算.XLSX')).toBe('xlsx');
    expect(detectFileKind(ole, 'old.doc')).toBe('doc');
    expect(detectFileKind(ole, 'old.xls')).toBe('xls');
    // A zip or OLE2 file that is not named as an Office document is refused.
    expect(detectFileKind(zip, 'archive.zip')).toBeNull();
    expect(detectFileKind(ole, 'thing.msi')).toBeNull();
  });

  it('refuses a program renamed .pdf, text, and files shorter than a signature', () => {
    expect(detectFileKind(ascii('MZ\x90\x00\x03\x00\x00\x00'), 'invoice.pdf')).toBeNull();
    expect(detectFileKind(ascii('\x7fELF\x02\x01\x01\x00'), 'report.pdf')).toBeNull();
    expect(detectFileKind(ascii('hello world'), 'a.docx')).toBeNull();
    expect(detectFileKind(ascii('%PD'), 'a.pdf')).toBeNull();
    expect(detectFileKind(new Uint8Array(), 'a.pdf')).toBeNull();
  });
});
