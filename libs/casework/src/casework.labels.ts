import { labels } from '@onedoor/platform';

/**
 * What a timeline entry says happened: `<entity type>.<audit action>` → label. Each part of
 * casework adds the actions it audits (every audit row it writes carries `data.householdId`, so
 * the timeline finds it).
 */
export const TIMELINE_EVENT_LABELS = labels<string>({
  'household.register': ['登记家庭', 'Household registered'],
});
