import { Inject, Injectable, Logger } from '@nestjs/common';
import { AreasRepository, AreasService } from '@onedoor/areas';
import { APP_CONFIG, type AppConfig, hashPassword, UsersRepository } from '@onedoor/platform';
import { DEMO_AREAS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<{ areas: number; users: number }> {
    if (this.config.env === 'production') {
      throw new Error('The demo seed refuses to run with NODE_ENV=production');
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const admin = DEMO_USERS.find((u) => u.role === 'admin')!;
    const adminId = await this.users.upsert({
      ...admin,
      passwordHash,
      areaId: null,
      providerId: null,
    });
    const actor = {
      userId: adminId,
      username: admin.username,
      role: 'admin' as const,
      areaId: null,
      areaPath: null,
      providerId: null,
    };

    const idByCode = new Map<string, string>();
    let created = 0;
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
          },
          actor,
        );
        existing = await this.areasRepo.findById(dto.id);
        created += 1;
      }
      idByCode.set(area.code, existing!.id);
    }
    for (const user of DEMO_USERS) {
      if (user === admin) continue;
      await this.users.upsert({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        passwordHash,
        areaId: user.area ? idByCode.get(user.area)! : null,
        providerId: null,
      });
    }
    this.logger.log(`demo data: ${created} areas created, ${DEMO_USERS.length} users in place`);
    return { areas: created, users: DEMO_USERS.length };
  }
}
