/**
 * How amounts and times read for people (notices, e-mail, CSV exports): money is stored as
 * integer fen and shown in yuan; times are instants shown in Beijing time, which has had no
 * daylight saving since 1991, so a fixed +08:00 is exact and independent of the server's zone.
 */

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Integer fen as yuan with two decimals and thousands separators: `123450` → `¥1,234.50`. */
export function formatYuan(fen: number | bigint | string): string {
  const value = BigInt(typeof fen === 'string' ? fen.trim() : fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Integer fen as a plain yuan number with two decimals (a CSV cell): `-123450` → `-1234.50`. */
export function fenToYuanText(fen: number | bigint | string): string {
  return formatYuan(fen).replace('¥', '').replace(/,/g, '');
}

/** An instant as Beijing wall-clock time to the minute: `2026-12-02 14:00`. */
export function formatBeijingTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a time: ${String(at)}`);
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** ISO timestamps as they leave the API (`2026-12-02T06:00:00.000Z`, or with an offset). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a value is an instant (a Date, or an ISO timestamp string with its zone). */
export function isInstant(value: unknown): value is Date | string {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}
