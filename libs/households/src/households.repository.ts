import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  applyAreaScope,
  inOrder,
  isOffsetQuery,
  type KeysetKey,
  keysetRows,
  type ListQueryDto,
  type Principal,
  pageOffset,
} from '@onedoor/platform';
import { HouseholdEntity } from './household.entity';
import type { AreaLevel } from '@onedoor/areas';
import type { Residency, Tier } from '@onedoor/resources';
import type { HouseholdStatus } from './household.types';
import { MemberEntity } from './member.entity';
import { NeedEntity } from './need.entity';

/** A household an emergency-relief lead may be, and why (see registryMatches). */
export interface RegistryMatch {
  householdId: string;
  status: HouseholdStatus;
  communityName: string;
  headName: string | null;
  byIdNumber: boolean;
  byPhone: boolean;
  byAddress: boolean;
}

/** A member listing an identity digest in a household that has not exited, with what the ledger copies. */
export interface ListedMember {
  idHmac: string;
  memberId: string;
  name: string;
  isHead: boolean;
  householdId: string;
  /** The household's community path. */
  areaPath: string;
  tier: Tier | null;
  residency: Residency;
}

/** A list row: what HouseholdSummaryDto shows, read in the page's one statement. */
export interface HouseholdSummaryRow {
  id: string;
  phoneEnc: string | null;
  status: HouseholdStatus;
  tier: Tier | null;
  circle: number | null;
  nextRevisitAt: Date | null;
  communityId: string;
  communityLevel: AreaLevel;
  communityCode: string;
  communityName: string;
  headName: string | null;
  size: number;
}

const SUMMARY_COLUMNS = [
  'h.id AS id',
  'h.phone_enc AS "phoneEnc"',
  'h.status AS status',
  'h.tier AS tier',
  'h.circle AS circle',
  'h.next_revisit_at AS "nextRevisitAt"',
  'community.id AS "communityId"',
  'community.level AS "communityLevel"',
  'community.code AS "communityCode"',
  'community.name AS "communityName"',
  `(SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS "headName"`,
  `(SELECT count(*)::int FROM household_member hm WHERE hm.household_id = h.id) AS size`,
];

export interface HouseholdLabel {
  name: string | null;
  communityId: string;
  communityName: string;
  tier: Tier | null;
}

export interface HouseholdFilter {
  status?: HouseholdStatus;
  tier?: string;
  communityId?: string;
  dueBefore?: Date;
  /** Only households with a draft assessment by this assessor. */
  draftsOf?: string;
}

/**
 * Households are visible to admin and to assessors and civil-affairs staff whose scope
 * holds the household's community; the scope is part of every query.
 */
@Injectable()
export class HouseholdsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private scoped(
    principal: Principal,
    manager?: EntityManager,
  ): SelectQueryBuilder<HouseholdEntity> {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .innerJoinAndSelect('h.community', 'community');
    return applyAreaScope(qb, 'community.path', principal);
  }

  /** With members (head first), when the caller may see it. */
  findVisible(
    id: string,
    principal: Principal,
    manager?: EntityManager,
    lock = false,
  ): Promise<HouseholdEntity | null> {
    const qb = this.scoped(principal, manager)
      .leftJoinAndSelect('h.members', 'm')
      // andWhere: `where` would replace the scope condition scoped() added.
      .andWhere('h.id = :id', { id })
      .orderBy('m.isHead', 'DESC')
      .addOrderBy('m.birthDate', 'ASC');
    if (lock) qb.setLock('pessimistic_write', undefined, ['h']);
    return qb.getOne();
  }

  isVisible(id: string, principal: Principal): Promise<boolean> {
    return this.scoped(principal).andWhere('h.id = :id', { id }).getExists();
  }

  /**
   * One page of the households in scope: by cursor (default; `limit + 1` ids read along the
   * order's index, counted only on request) or by offset with the count (`?page=`). Ids first,
   * then the entities with their members: a page's cost does not grow with the scope.
   */
  async list(
    filter: HouseholdFilter,
    query: ListQueryDto,
    principal: Principal,
  ): Promise<{ rows: HouseholdSummaryRow[]; nextCursor: string | null; total?: number }> {
    const qb = this.filtered(filter, principal);
    const keys: KeysetKey[] = filter.dueBefore
      ? [
          { expr: 'h.next_revisit_at', dir: 'ASC', type: 'timestamptz' },
          { expr: 'h.id', dir: 'ASC', type: 'uuid' },
        ]
      : [
          { expr: 'h.created_at', dir: 'DESC', type: 'timestamptz' },
          { expr: 'h.id', dir: 'DESC', type: 'uuid' },
        ];
    const total = isOffsetQuery(query) || query.withTotal ? await qb.clone().getCount() : undefined;
    // One statement per page: the summary columns straight from the keyset (or offset) read,
    // the head's name and the household's size as correlated subqueries on the member index.
    qb.select(SUMMARY_COLUMNS);
    if (isOffsetQuery(query)) {
      keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.expr, k.dir) : qb.addOrderBy(k.expr, k.dir)));
      const rows = await qb
        .offset(pageOffset({ page: query.page, limit: query.limit }))
        .limit(query.limit)
        .getRawMany<HouseholdSummaryRow>();
      return { rows, nextCursor: null, total };
    }
    const page = await keysetRows<HouseholdEntity, HouseholdSummaryRow>(qb, keys, query);
    return { ...page, total };
  }

  private filtered(filter: HouseholdFilter, principal: Principal) {
    const qb = this.scoped(principal);
    if (filter.status) qb.andWhere('h.status = :status', { status: filter.status });
    if (filter.tier) qb.andWhere('h.tier = :tier', { tier: filter.tier });
    if (filter.communityId)
      qb.andWhere('h.communityId = :communityId', { communityId: filter.communityId });
    if (filter.draftsOf) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM assessment a WHERE a.household_id = h.id AND a.status = 'draft' AND a.assessor_id = :draftsOf)`,
        { draftsOf: filter.draftsOf },
      );
    }
    if (filter.dueBefore) {
      qb.andWhere(`h.status <> 'exited' AND h.nextRevisitAt <= :due`, { due: filter.dueBefore });
    }
    return qb;
  }

  /** What work queues show of each household: head's name, community, tier. */
  async labels(ids: string[]): Promise<Map<string, HouseholdLabel>> {
    if (ids.length === 0) return new Map();
    const rows: Array<HouseholdLabel & { id: string }> = await this.dataSource.query(
      `SELECT h.id, h.tier, c.id AS "communityId", c.name AS "communityName",
              (SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS name
         FROM household h JOIN area c ON c.id = h.community_id WHERE h.id = ANY($1)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map(({ id, ...label }) => [id, label]));
  }

  /** Households by id with community and members (head first), in the order of `ids`. */
  async withMembers(ids: string[]): Promise<HouseholdEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .innerJoinAndSelect('h.community', 'community')
      .leftJoinAndSelect('h.members', 'm')
      .where('h.id = ANY(:ids)', { ids })
      .orderBy('m.isHead', 'DESC')
      .addOrderBy('m.birthDate', 'ASC')
      .getMany();
    return inOrder(ids, rows);
  }

  /** The household whose head has this identity digest, if any. */
  async householdOfHead(idHmac: string, manager?: EntityManager): Promise<string | null> {
    const row = await (manager ?? this.dataSource.manager)
      .getRepository(MemberEntity)
      .findOne({ where: { idHmac, isHead: true }, select: { householdId: true } });
    return row?.householdId ?? null;
  }

  /** Active households (other than `except`) that already list one of these identities. */
  async activeHouseholdsListing(
    idHmacs: string[],
    except: string | null,
    manager?: EntityManager,
  ): Promise<Array<{ idHmac: string; householdId: string }>> {
    const hits = await this.membersListing(idHmacs, manager);
    return hits
      .filter((h) => h.householdId !== except)
      .map(({ idHmac, householdId }) => ({ idHmac, householdId }));
  }

  /**
   * The members listing these identity digests in households that have not exited: the one
   * rule by which registration, the ledger's entries, its roll imports and its lookup find a
   * person (an exited household is no longer in assistance; its members are found by no one).
   * A person listed in several: an active household before an exiting one, as its head before
   * as a member, the newest household first.
   */
  async membersListing(idHmacs: string[], manager?: EntityManager): Promise<ListedMember[]> {
    if (idHmacs.length === 0) return [];
    return (manager ?? this.dataSource.manager).query(
      `SELECT m.id_hmac AS "idHmac", m.id AS "memberId", m.name, m.is_head AS "isHead",
              h.id AS "householdId", a.path AS "areaPath", h.tier, h.residency
         FROM household_member m
         JOIN household h ON h.id = m.household_id
         JOIN area a ON a.id = h.community_id
        WHERE m.id_hmac = ANY($1::bpchar[]) AND h.status <> 'exited'
        ORDER BY h.status = 'active' DESC, m.is_head DESC, h.created_at DESC, m.id`,
      [[...new Set(idHmacs)]],
    );
  }

  async insert(
    household: Partial<HouseholdEntity>,
    members: Array<Partial<MemberEntity>>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.getRepository(HouseholdEntity).insert(household);
    const id = result.identifiers[0].id as string;
    await manager
      .getRepository(MemberEntity)
      .insert(members.map((m) => ({ ...m, householdId: id })));
    return id;
  }

  async update(
    id: string | string[],
    changes: Partial<HouseholdEntity>,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(HouseholdEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id IN (:...ids)', { ids: typeof id === 'string' ? [id] : id })
      .execute();
  }

  async replaceMembers(
    id: string,
    members: Array<Partial<MemberEntity>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(MemberEntity).delete({ householdId: id });
    await manager
      .getRepository(MemberEntity)
      .insert(members.map((m) => ({ ...m, householdId: id })));
  }

  /** Exiting households whose grace ended by `now`, locked for the transition. */
  exitsDue(now: Date, manager: EntityManager): Promise<Array<HouseholdEntity>> {
    return (
      manager
        .getRepository(HouseholdEntity)
        .createQueryBuilder('h')
        .innerJoinAndSelect('h.community', 'community')
        .where(`h.status = 'exiting' AND h.graceEndsAt <= :now`, { now })
        // A fixed lock order: two matchers sweeping at once never deadlock.
        .orderBy('h.id', 'ASC')
        .setLock('pessimistic_write', undefined, ['h'])
        .getMany()
    );
  }

  /** Withdraws the open needs of these households; returns them with their household. */
  async withdrawOpenNeeds(
    householdIds: string[],
    endedAt: Date,
    manager: EntityManager,
  ): Promise<Array<{ id: string; householdId: string }>> {
    const result = await manager
      .createQueryBuilder()
      .update(NeedEntity)
      .set({ status: 'withdrawn', endedAt })
      .where(`household_id IN (:...householdIds) AND status = 'open'`, { householdIds })
      .returning(['id', 'household_id'])
      .execute();
    return (result.raw as Array<{ id: string; household_id: string }>).map((r) => ({
      id: r.id,
      householdId: r.household_id,
    }));
  }

  /**
   * The registry check of an emergency-relief lead (libs/relief): households, within
   * `scopePath` (null: everywhere), one of whose members has the identity digest, whose phone
   * digest is the same, or with the same address in the same community. Addresses are compared
   * normalised (lower case, full-width digits and letters folded by NFKC, no spaces or
   * punctuation) on both sides in SQL, so `幸福路12号 3单元` and `幸福路 12 号3单元` match.
   */
  async registryMatches(
    c: {
      idHmac: string | null;
      phoneHmac: string | null;
      communityId: string;
      address: string | null;
      scopePath: string | null;
    },
    manager?: EntityManager,
  ): Promise<RegistryMatch[]> {
    const norm = (expr: string) =>
      `regexp_replace(lower(normalize(${expr}, NFKC)), '[[:space:][:punct:]，。、；：（）【】—·]', '', 'g')`;
    return (manager ?? this.dataSource.manager).query(
      `SELECT h.id AS "householdId", h.status AS "status", a.name AS "communityName",
              (SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id
                ORDER BY hm.is_head DESC, hm.birth_date LIMIT 1) AS "headName",
              ($1::bpchar IS NOT NULL AND EXISTS (SELECT 1 FROM household_member m
                 WHERE m.household_id = h.id AND m.id_hmac = $1::bpchar)) AS "byIdNumber",
              ($2::bpchar IS NOT NULL AND h.phone_hmac = $2::bpchar) AS "byPhone",
              ($4::text IS NOT NULL AND h.community_id = $3 AND h.address IS NOT NULL
                 AND ${norm('h.address')} = ${norm('$4::text')}) AS "byAddress"
         FROM household h JOIN area a ON a.id = h.community_id
        WHERE ($5::text IS NULL OR a.path LIKE $5::text || '%')
          AND (EXISTS (SELECT 1 FROM household_member m
                        WHERE m.household_id = h.id AND m.id_hmac = $1::bpchar)
               OR h.phone_hmac = $2::bpchar
               OR ($4::text IS NOT NULL AND h.community_id = $3 AND h.address IS NOT NULL
                   AND ${norm('h.address')} = ${norm('$4::text')}))
        ORDER BY h.status = 'active' DESC, h.created_at DESC
        LIMIT 20`,
      [c.idHmac, c.phoneHmac, c.communityId, c.address?.trim() || null, c.scopePath],
    );
  }
}
