/** The multipart body of an upload: one part `file`, as the API's upload routes take it. */
export function fileForm(file: Blob, name?: string): FormData {
  const form = new FormData();
  if (name === undefined) form.append('file', file);
  else form.append('file', file, name);
  return form;
}
