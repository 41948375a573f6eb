import { Inject, Injectable, Logger } from '@nestjs/common';
import { AreasRepository, AreasService } from '@onedoor/areas';
import {
  APP_CONFIG,
  type AppConfig,
  hashPassword,
  type Principal,
  UsersRepository,
} from '@onedoor/platform';
import { DEMO_AREAS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { DEMO_PROVIDERS } from './demo-resources.data';
import { DemoHouseholdsSeeder } from './demo-households.seeder';
import { DemoLedgerSeeder } from './demo-ledger.seeder';
import { DemoReliefFundsSeeder } from './demo-relief-funds.seeder';
import { DemoResourcesSeeder } from './demo-resources.seeder';
import { DemoProcurementSeeder } from './demo-procurement.seeder';

/**
 * Loads the demo district. Idempotent: areas are looked up by code and users upserted by
 * username, so running it again changes nothing (passwords are reset to the demo one).
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly areas: AreasService,
    private readonly areasRepo: AreasRepository,
    private readonly users: UsersRepository,
    private readonly resources: DemoResourcesSeeder,
    private readonly householdsSeeder: DemoHouseholdsSeeder,
    private readonly procurement: DemoProcurementSeeder,
    private readonly ledger: DemoLedgerSeeder,
    private readonly reliefFunds: DemoReliefFundsSeeder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<{ areas: number; users: number; resources: number; households: number }> {
    if (this.config.env === 'production') {
      throw new Error('The demo seed refuses to run with NODE_ENV=production');
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const upsertUser = async (
      user: (typeof DEMO_USERS)[number],
      areaId: string | null,
      providerId: string | null,
    ) =>
      this.users.upsert({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        passwordHash,
        areaId,
        providerId,
        isOrgAdmin: user.isOrgAdmin ?? false,
        evaluatorType: user.evaluatorType ?? null,
      });
    const principal = async (userId: string): Promise<Principal> =>
      (await this.users.findActor(userId))!;

    const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
    const adminPrincipal = await principal(await upsertUser(admin, null, null));

    const idByCode = new Map<string, string>();
    let createdAreas = 0;
    for (const area of DEMO_AREAS) {
      let existing = await this.areasRepo.findByCode(area.code);
      if (!existing) {
        const dto = await this.areas.create(
          {
            code: area.code,
            name: area.name,
            level: area.level,
            parentId: area.parent ? idByCode.get(area.parent) : undefined,
            minimumLivingStandardFen: area.minimumLivingStandardFen,
            boundary: area.boundary,
          },
          adminPrincipal,
        );
        existing = await this.areasRepo.findById(dto.id);
        createdAreas += 1;
      } else if (area.boundary && !existing.boundary) {
        // A district seeded before areas had outlines gets them; a drawn one is left alone.
        await this.areas.update(existing.id, { boundary: area.boundary }, adminPrincipal);
      }
      idByCode.set(area.code, existing!.id);
    }

    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      if (user === admin) continue;
      userIds.set(
        user.username,
        await upsertUser(user, user.area ? idByCode.get(user.area)! : null, null),
      );
    }

    const reviewer = await principal(userIds.get('civil.district')!);
    const providerIds = await this.resources.seedProviders(
      adminPrincipal,
      reviewer,
      idByCode.get('DEMO-C-D1')!,
    );
    const owners = new Map<string, Principal>();
    for (const p of DEMO_PROVIDERS) {
      const user = DEMO_USERS.find((u) => u.username === p.user);
      if (!user) {
        owners.set(p.key, adminPrincipal); // government departments: admin acts for them in the demo
        continue;
      }
      const id = await upsertUser(user, idByCode.get(user.area!)!, providerIds.get(p.key)!);
      owners.set(p.key, await principal(id));
    }
    const createdResources = await this.resources.seedResources(
      providerIds,
      (key) => owners.get(key)!,
      reviewer,
    );
    // The demo assessor registers and assesses the households of their street (their caseload);
    // admin the rest of the district.
    const createdHouseholds = await this.householdsSeeder.seed(
      adminPrincipal,
      await principal(userIds.get('assessor')!),
    );
    // Help the families received outside OneDoor (the assistance ledger's entries).
    const createdEntries = await this.ledger.seed(adminPrincipal, providerIds);
    // relief: funds — the district's reserve fund and the charity's donation fund.
    await this.reliefFunds.seed(idByCode.get('DEMO-C-D1')!, reviewer);
    const evaluator = async (username: string) => principal(userIds.get(username)!);
    const createdProjects = await this.procurement.seed(idByCode.get('DEMO-C-D1')!, {
      staff: reviewer,
      swo: owners.get('swo')!,
      evaluators: [
        await evaluator('evaluator1'),
        await evaluator('evaluator2'),
        await evaluator('evaluator3'),
      ],
    });

    this.logger.log(
      `demo data: ${createdAreas} areas, ${createdResources} resources, ${createdHouseholds} assessed households, ` +
        `${createdProjects} service projects, ${createdEntries} assistance entries created; ` +
        `${DEMO_USERS.length} users, ` +
        `${DEMO_PROVIDERS.length} providers in place`,
    );
    return {
      areas: createdAreas,
      users: DEMO_USERS.length,
      resources: createdResources,
      households: createdHouseholds,
    };
  }
}
