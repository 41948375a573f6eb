/** The kinds of file the API accepts, recognized by their leading bytes. */
export const FILE_KINDS = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/** How many leading bytes `detectFileKind` needs. */
export const MAGIC_BYTES = 8;

const SIGNATURES: { bytes: number[]; kinds: FileKind[] }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kinds: ['pdf'] }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kinds: ['png'] },
  { bytes: [0xff, 0xd8, 0xff], kinds: ['jpeg'] },
  // Office Open XML is a zip; the zip's bytes do not say Word from Excel, the name does.
  { bytes: [0x50, 0x4b, 0x03, 0x04], kinds: ['docx', 'xlsx'] },
  // Legacy Office is an OLE2 compound file, again shared by Word and Excel.
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kinds: ['doc', 'xls'] },
];

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The kind of a file from its leading bytes, or null when they match none we accept. The
 * declared name only chooses between kinds sharing a container (docx/xlsx, doc/xls): a program
 * renamed `.pdf` is refused whatever it claims, and a zip that is not named as an Office
 * document is refused too.
 */
export function detectFileKind(head: Uint8Array, name: string): FileKind | null {
  const ext = extensionOf(name);
  for (const { bytes, kinds } of SIGNATURES) {
    if (head.length < bytes.length || bytes.some((b, i) => head[i] !== b)) continue;
    if (kinds.length === 1) return kinds[0];
    return kinds.find((k) => k === ext) ?? null;
  }
  return null;
}
