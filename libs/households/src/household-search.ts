import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { applyAreaScope, PiiCipher, type Principal } from '@onedoor/platform';
import type { HouseholdSearchDto, HouseholdSummaryDto } from './dto/household.dto';
import { HouseholdEntity } from './household.entity';
import { toHouseholdSummaryDto } from './household.mapper';
import { HouseholdsRepository } from './households.repository';
import { normaliseIdNumber } from './id-number.util';
import { MemberEntity } from './member.entity';

/** The phone's digits only, digested: `138 1234-5678` and `13812345678` find the same household. */
export function phoneDigest(pii: PiiCipher, phone: string): string {
  return pii.digest(phone.replace(/\D/g, ''));
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Household search within the reader's scope: by a member's name (prefix first, then trigram
 * similarity through pg_trgm), by phone or by identity number (both by keyed digest: the value
 * is never stored in clear nor compared in SQL).
 */
@Injectable()
export class HouseholdSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdsRepository,
    private readonly pii: PiiCipher,
  ) {}

  async search(body: HouseholdSearchDto, principal: Principal): Promise<HouseholdSummaryDto[]> {
    const limit = body.limit ?? 20;
    const qb = this.dataSource
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .innerJoin('h.community', 'community')
      .select('h.id', 'id');
    applyAreaScope(qb, 'community.path', principal);
    if (body.idNumber) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM household_member im WHERE im.household_id = h.id AND im.id_hmac = :idHmac)`,
        { idHmac: this.pii.digest(normaliseIdNumber(body.idNumber)) },
      );
    }
    if (body.phone)
      qb.andWhere('h.phone_hmac = :phoneHmac', { phoneHmac: phoneDigest(this.pii, body.phone) });
    if (body.q) {
      const q = body.q.trim();
      // The best-matching member ranks the household: a name starting with the query first,
      // then by trigram similarity (`%` is pg_trgm's similarity above its threshold, 0.3).
      const best = this.dataSource
        .getRepository(MemberEntity)
        .createQueryBuilder('sm')
        .select(`max(CASE WHEN sm.name LIKE :prefix THEN 2 ELSE 0 END + similarity(sm.name, :q))`)
        .where('sm.household_id = h.id')
        .andWhere('(sm.name LIKE :prefix OR sm.name % :q)');
      qb.addSelect(`(${best.getQuery()})`, 'score')
        .andWhere(`(${best.getQuery()}) IS NOT NULL`)
        .setParameters({ prefix: `${likeEscape(q)}%`, q })
        .orderBy('score', 'DESC');
    } else {
      qb.orderBy('h.created_at', 'DESC');
    }
    const rows = await qb.addOrderBy('h.id', 'ASC').limit(limit).getRawMany<{ id: string }>();
    const households = await this.households.withMembers(rows.map((r) => r.id));
    return households.map((h) => toHouseholdSummaryDto(h, this.pii));
  }
}

/**
 * Fills `phone_hmac` for households stored before the column existed (a migration has no PII
 * key to decrypt their phones). Runs at start in batches; once done it finds nothing and costs
 * one indexed query. Rows are locked SKIP LOCKED, so two processes starting at once share the
 * work.
 */
@Injectable()
export class HouseholdPhoneBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(HouseholdPhoneBackfill.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let filled = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (manager) => {
        const rows: Array<{ id: string; phone_enc: string }> = await manager.query(
          `SELECT id, phone_enc FROM household WHERE phone_enc IS NOT NULL AND phone_hmac IS NULL
            ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`,
        );
        if (rows.length === 0) return 0;
        await manager.query(
          `UPDATE household h SET phone_hmac = t.hmac FROM unnest($1::uuid[], $2::text[]) AS t(id, hmac)
            WHERE h.id = t.id`,
          [
            rows.map((r) => r.id),
            rows.map((r) => phoneDigest(this.pii, this.pii.decrypt(r.phone_enc))),
          ],
        );
        return rows.length;
      });
      filled += n;
      if (n === 0) break;
    }
    if (filled > 0) this.logger.log({ filled }, 'phone digests filled');
  }
}
