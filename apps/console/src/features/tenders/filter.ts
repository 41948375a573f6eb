import dayjs from 'dayjs';
import { BEIJING } from '../../lib/format';

export interface TenderFilters {
  areaId?: string;
  categoryCode?: string;
  /** Closing on or before this Beijing calendar day (YYYY-MM-DD). */
  closesBy?: string;
}

interface Filterable {
  areaId: string;
  categoryCode: string;
  closesAt: string | null;
}

/** The tenders matching the filters, soonest closing first. */
export function filterTenders<T extends Filterable>(tenders: T[], f: TenderFilters): T[] {
  const end = f.closesBy ? dayjs.tz(f.closesBy, BEIJING).endOf('day').valueOf() : null;
  return tenders
    .filter((x) => !f.areaId || x.areaId === f.areaId)
    .filter((x) => !f.categoryCode || x.categoryCode === f.categoryCode)
    .filter((x) => end === null || (x.closesAt !== null && new Date(x.closesAt).getTime() <= end))
    .sort((a, b) => (a.closesAt ?? '').localeCompare(b.closesAt ?? ''));
}
