import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Principal, todayInChina } from '@onedoor/platform';
import { DonationsService, ReliefFundsService } from '@onedoor/relief';

const CHARITY = '和平区慈善会救急难专项基金';

/**
 * The demo district's relief money (救急难): the district's reserve fund, ¥500,000 for the
 * current Beijing year (a fund pays nothing after its period: a 2026 demo would stop in 2027)
 * with a ¥50,000 alert line, and the charity federation's donation fund, ¥20,000 opening
 * balance with one donation received and one still pledged. Created through the funds' own
 * services as the district's civil-affairs officer. Idempotent: a fund already there by name is
 * left alone (with its donations).
 */
@Injectable()
export class DemoReliefFundsSeeder {
  constructor(
    private readonly funds: ReliefFundsService,
    private readonly donations: DonationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seed(districtId: string, staff: Principal): Promise<number> {
    const exists = async (name: string) =>
      (
        await this.dataSource.query(`SELECT 1 FROM relief_fund WHERE name = $1 AND area_id = $2`, [
          name,
          districtId,
        ])
      ).length > 0;
    let created = 0;
    const year = todayInChina(new Date()).slice(0, 4);
    const RESERVE = `和平区临时救助备用金（${year}年度）`;
    const period = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
    if (!(await exists(RESERVE))) {
      await this.funds.create(
        {
          kind: 'reserve',
          name: RESERVE,
          areaId: districtId,
          managingOffice: '和平区民政局社会救助科',
          budgetFen: 50_000_000,
          thresholdFen: 5_000_000,
          ...period,
        },
        staff,
      );
      created += 1;
    }
    if (!(await exists(CHARITY))) {
      const fund = await this.funds.create(
        {
          kind: 'donation',
          name: CHARITY,
          areaId: districtId,
          managingOffice: '和平区慈善会',
          budgetFen: 2_000_000,
          thresholdFen: 500_000,
          ...period,
        },
        staff,
      );
      const received = await this.donations.pledge(
        fund.id,
        {
          donorKind: 'enterprise',
          donorName: '和平区爱心企业联合会',
          donorPhone: '02288886666',
          amountFen: 1_000_000,
          note: '用于突发困难家庭救急',
        },
        staff,
      );
      await this.donations.receive(received.id, { receiptNumber: 'HPCS-2026-0018' }, staff);
      await this.donations.pledge(
        fund.id,
        { donorKind: 'individual', donorName: '李秀兰', amountFen: 200_000 },
        staff,
      );
      created += 1;
    }
    return created;
  }
}
