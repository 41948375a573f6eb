import { labels } from '@onedoor/platform';
import type { AreaLevel } from './area-level';

export const AREA_LEVEL_LABELS = labels<AreaLevel>({
  city: ['市', 'City'],
  district: ['区', 'District'],
  street: ['街道/乡镇', 'Street or town'],
  community: ['社区/村', 'Community or village'],
});
