import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { applyAreaScope, NotFoundError, PiiCipher, type Principal } from '@onedoor/platform';
import { HouseholdsRepository } from '@onedoor/households';
import type { ContactAccessDto, ReferralContactDto } from './referral.dto';
import { ContactAccessEntity, type ReferralEntity } from './referral.entity';

/**
 * Contact under consent: a provider reaches the household through its referral. With the
 * household's consent (recorded at approval) it gets the head's name, phone and address, and
 * the read is logged in the same call; without it, the approving officer's name and phone.
 */
@Injectable()
export class ReferralContactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdsRepository,
    private readonly pii: PiiCipher,
  ) {}

  /** For a provider reading its own referral (the caller checked visibility). */
  async contactFor(r: ReferralEntity, reader: Principal): Promise<ReferralContactDto> {
    if (r.consent?.given) {
      const [h]: Array<{ name: string | null; phoneEnc: string | null; address: string | null }> =
        await this.dataSource.query(
          `SELECT (SELECT hm.name FROM household_member hm WHERE hm.household_id = h.id AND hm.is_head LIMIT 1) AS name,
                  h.phone_enc AS "phoneEnc", h.address
             FROM household h WHERE h.id = $1`,
          [r.householdId],
        );
      // Logged before the contact is returned: a read that is not recorded is not answered.
      await this.dataSource.getRepository(ContactAccessEntity).insert({
        referralId: r.id,
        householdId: r.householdId,
        readerId: reader.userId,
        readerRole: reader.role,
        providerId: reader.providerId,
        areaPath: r.areaPath,
      });
      return {
        kind: 'household',
        name: h?.name ?? '',
        phone: h?.phoneEnc ? this.pii.decrypt(h.phoneEnc) : null,
        address: h?.address ?? null,
      };
    }
    const [officer]: Array<{ name: string; phoneEnc: string | null }> = await this.dataSource.query(
      `SELECT display_name AS name, phone_enc AS "phoneEnc" FROM app_user WHERE id = $1`,
      [r.snapshot.decidedBy.userId],
    );
    return {
      kind: 'officer',
      name: officer?.name ?? r.snapshot.decidedBy.username,
      phone: officer?.phoneEnc ? this.pii.decrypt(officer.phoneEnc) : null,
      address: null,
    };
  }

  /** Who opened this household's contact, newest first: admin and staff in scope. */
  async readsOf(householdId: string, reader: Principal): Promise<ContactAccessDto[]> {
    if (!(await this.households.isVisible(householdId, reader)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    const qb = this.dataSource
      .getRepository(ContactAccessEntity)
      .createQueryBuilder('ca')
      .where('ca.householdId = :householdId', { householdId });
    const rows = await applyAreaScope(qb, 'ca.areaPath', reader)
      .orderBy('ca.readAt', 'DESC')
      .addOrderBy('ca.id', 'DESC')
      .limit(500)
      .getMany();
    return rows.map((a) => ({
      referralId: a.referralId,
      householdId: a.householdId,
      readerId: a.readerId,
      readerRole: a.readerRole,
      providerId: a.providerId,
      readAt: a.readAt.toISOString(),
    }));
  }
}
