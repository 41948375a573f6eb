import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';

/**
 * A Content-Disposition header for a download named `name`: an ASCII `filename` for old
 * clients (non-ASCII characters, quotes and backslashes replaced by `_`) and the exact name as
 * RFC 5987 `filename*=UTF-8''…`, which browsers prefer, so Chinese names survive.
 */
export function contentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment') {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'file';
  // encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow them.
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A download answered as an attachment under its own (possibly Chinese) name. */
export function attachment(
  content: Readable | Buffer,
  file: { name: string; contentType: string; size?: number },
): StreamableFile {
  const options = {
    type: file.contentType,
    length: file.size,
    disposition: contentDisposition(file.name),
  };
  return Buffer.isBuffer(content)
    ? new StreamableFile(content, options)
    : new StreamableFile(content, options);
}
