import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AssistanceEntriesRepository, AssistanceEntriesService } from '@onedoor/ledger';
import type { Principal } from '@onedoor/platform';

/**
 * Help the demo families received outside OneDoor, so a household page shows a real history:
 * 和平区民政局's monthly 最低生活保障 for two families of 光明社区 (one still running, one
 * ended) and a one-off 临时救助, and the charity's in-kind help. Recorded through the ledger's
 * own service, as admin naming each granting organization. Idempotent: an entry already there
 * (same household, benefit and start) is not recorded again.
 */
@Injectable()
export class DemoLedgerSeeder {
  constructor(
    private readonly entries: AssistanceEntriesService,
    private readonly entriesRepo: AssistanceEntriesRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seed(admin: Principal, providerIds: Map<string, string>): Promise<number> {
    // The first two subsistence-tier families of 光明社区, in registration order (the demo
    // households seeder registers them in a fixed order).
    const families: Array<{ id: string }> = await this.dataSource.query(
      `SELECT h.id FROM household h JOIN area a ON a.id = h.community_id
        WHERE a.code = 'DEMO-C-D1-S1-C1' AND h.tier = 'subsistence'
        ORDER BY h.created_at, h.id LIMIT 2`,
    );
    if (families.length < 2) return 0;
    const [a, b] = families.map((f) => f.id);
    const mca = providerIds.get('mca')!;
    const charity = providerIds.get('charity')!;
    const planned = [
      {
        householdId: a,
        providerId: mca,
        categoryCode: 'basic_living',
        title: '最低生活保障',
        form: 'cash' as const,
        frequency: 'monthly' as const,
        amountFen: 80_000,
        startsOn: '2026-01-01',
      },
      {
        householdId: b,
        providerId: mca,
        categoryCode: 'basic_living',
        title: '最低生活保障',
        form: 'cash' as const,
        frequency: 'monthly' as const,
        amountFen: 65_000,
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
      },
      {
        householdId: a,
        providerId: mca,
        categoryCode: 'emergency',
        title: '临时救助',
        form: 'cash' as const,
        frequency: 'one_off' as const,
        amountFen: 150_000,
        startsOn: '2026-10-03',
        note: '因病临时救助',
      },
      {
        householdId: a,
        providerId: charity,
        categoryCode: 'basic_living',
        title: '慈善物资（米面油）',
        form: 'in_kind' as const,
        frequency: 'one_off' as const,
        amountFen: 30_000,
        units: 1,
        startsOn: '2026-11-15',
      },
    ];
    let created = 0;
    for (const entry of planned) {
      if (await this.entriesRepo.hasEntry(entry.householdId, entry.title, entry.startsOn)) continue;
      await this.entries.record(entry, admin);
      created += 1;
    }
    return created;
  }
}
