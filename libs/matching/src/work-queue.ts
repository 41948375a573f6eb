import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inOrder, type KeysetKey, ListQueryDto, pageIds } from '@onedoor/platform';
import { TIERS, type Tier } from '@onedoor/resources';

export const WORK_QUEUE_SORTS = ['deadline', 'urgency', 'age'] as const;
export type WorkQueueSort = (typeof WORK_QUEUE_SORTS)[number];

/**
 * Filters and sorts the approval queue and the referral lists share. Pages by cursor unless
 * `page` is given (ListQueryDto).
 */
export class WorkQueueQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 8760,
    description: 'Only items whose pending deadline is within this many hours (or past)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(8760)
  dueWithin?: number;

  @ApiPropertyOptional({ format: 'uuid', description: "The household's community" })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ description: 'Need category code' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  category?: string;

  @ApiPropertyOptional({ enum: TIERS, enumName: 'Tier', description: "The household's tier" })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({
    enum: WORK_QUEUE_SORTS,
    default: 'urgency',
    description:
      'deadline: nearest pending deadline first (none last); urgency: emergency first, then the oldest; age: oldest first',
  })
  @IsOptional()
  @IsIn(WORK_QUEUE_SORTS)
  sort?: WorkQueueSort;
}

/** What a work-queue row says about its household and its clock. */
export class WorkQueueFieldsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "The head's name. Providers see it only on referrals addressed to them (never proposals)",
  })
  householdName!: string | null;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() communityName!: string;
  @ApiPropertyOptional({ enum: TIERS, type: String, nullable: true }) tier!: Tier | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The pending deadline (a referral: accept, then deliver); null when none',
  })
  deadline!: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Seconds until the deadline, negative once past; null without a deadline',
  })
  timeLeftSeconds!: number | null;
}

/** Far future for a key that has no deadline: keyset keys must not be NULL. */
const NO_DEADLINE = `'infinity'::timestamptz`;

/**
 * The order of each sort as keyset keys, over a row's pending-deadline SQL, its urgency,
 * creation time and id.
 */
function workQueueKeys(
  sort: WorkQueueSort,
  cols: { deadline: string; urgency: string; createdAt: string; id: string },
): KeysetKey[] {
  const id: KeysetKey = { expr: cols.id, dir: 'ASC', type: 'uuid' };
  const age: KeysetKey = { expr: cols.createdAt, dir: 'ASC', type: 'timestamptz' };
  const urgency: KeysetKey = { expr: cols.urgency, dir: 'DESC', type: 'need_urgency' };
  if (sort === 'age') return [age, id];
  if (sort === 'deadline')
    return [
      { expr: `COALESCE(${cols.deadline}, ${NO_DEADLINE})`, dir: 'ASC', type: 'timestamptz' },
      urgency,
      age,
      id,
    ];
  // Urgency: emergency first, then the oldest.
  return [urgency, age, id];
}

/** The filters and sort every work queue has (WorkQueueQueryDto). */
export interface WorkQueueFilter {
  category?: string;
  communityId?: string;
  tier?: string;
  dueWithin?: number;
  sort?: WorkQueueSort;
}

/**
 * One page of a work queue: `qb` selects the rows (alias `alias`, their household joined as
 * `h`) the reader sees, with the kind's own filters; the shared filters and the sort are added
 * here, then the page's rows are read by id, in page order.
 */
export async function pageWorkQueue<E extends ObjectLiteral & { id: string }>(
  entity: EntityTarget<E>,
  qb: SelectQueryBuilder<E>,
  alias: string,
  deadline: string,
  filter: WorkQueueFilter,
  query: ListQueryDto,
  now: Date,
): Promise<{ rows: E[]; nextCursor: string | null; total?: number }> {
  if (filter.category)
    qb.andWhere(`${alias}.categoryCode = :category`, { category: filter.category });
  if (filter.communityId) qb.andWhere('h.communityId = :cid', { cid: filter.communityId });
  if (filter.tier) qb.andWhere('h.tier = :tier', { tier: filter.tier });
  if (filter.dueWithin !== undefined) {
    qb.andWhere(`${deadline} <= :dueBy`, {
      dueBy: new Date(now.getTime() + filter.dueWithin * 3600_000),
    });
  }
  const keys = workQueueKeys(filter.sort ?? 'urgency', {
    deadline,
    urgency: `${alias}.urgency`,
    createdAt: `${alias}.created_at`,
    id: `${alias}.id`,
  });
  const page = await pageIds(qb, keys, `${alias}.id`, query);
  const rows =
    page.ids.length === 0
      ? []
      : await qb.connection
          .getRepository(entity)
          .createQueryBuilder(alias)
          .where(`${alias}.id = ANY(:ids)`, { ids: page.ids })
          .getMany();
  return { rows: inOrder(page.ids, rows), nextCursor: page.nextCursor, total: page.total };
}

export function workQueueFields(
  label: { name: string | null; communityId: string; communityName: string; tier: Tier | null },
  deadline: Date | null,
  now: Date,
): WorkQueueFieldsDto {
  return {
    householdName: label.name,
    communityId: label.communityId,
    communityName: label.communityName,
    tier: label.tier,
    deadline: deadline ? deadline.toISOString() : null,
    timeLeftSeconds: deadline ? Math.round((deadline.getTime() - now.getTime()) / 1000) : null,
  };
}
