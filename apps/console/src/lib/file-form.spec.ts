import { fileForm } from './file-form';

describe(fileForm.name, () => {
  it('sends one part named file, with the file and its (Chinese) name as given', async () => {
    const file = new File(['%PDF-1.7 正文'], '服务方案.pdf', { type: 'application/pdf' });
    const form = fileForm(file);
    expect([...form.keys()]).toEqual(['file']);
    const part = form.get('file') as File;
    expect(part.name).toBe('服务方案.pdf');
    expect(await part.text()).toBe('%PDF-1.7 正文');
    expect((fileForm(new Blob(['x']), '报价.xlsx').get('file') as File).name).toBe('报价.xlsx');
  });
});
