import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AreaEntity, childPath, type AreaLevel } from '@onedoor/areas';
import {
  baselineAnswers,
  type CreateHouseholdDto,
  HouseholdEntity,
  idCheckCharacter,
  MemberEntity,
  TIER_TABLE,
  type Relation,
  type TemplateDefinition,
} from '@onedoor/households';
import {
  hashPassword,
  maskIdNumber,
  PiiCipher,
  type Principal,
  type Role,
  UsersRepository,
} from '@onedoor/platform';
import type { CreateProjectDto } from '@onedoor/procurement';
import { DEFAULT_DIMENSION_WEIGHTS } from '@onedoor/procurement/procurement.types';
import { ServiceProjectEntity } from '@onedoor/procurement/tenders/project.entity';
import {
  type CreateResourceDto,
  ProviderEntity,
  ResourceEntity,
  type Tier,
  usccCheckCharacter,
} from '@onedoor/resources';
import { DEFAULT_TEMPLATE_V1 } from '../../migrations/default-assessment-template';

export const TEST_PASSWORD = 'correct horse battery staple';

// Test files may share one database and each loads this module afresh, so a sequence alone
// would repeat across files (a spurious HOUSEHOLD_DUPLICATE): each load also draws its own
// region code (not validated, unlike the date and check character).
const idRegion = `11${String(1000 + Math.floor(Math.random() * 9000))}`;
let idSequence = 0;
/** A fresh valid identity number: this module's region, the birth date given, a new sequence. */
export function newIdNumber(birthDate = '1980-06-15', gender: 'male' | 'female' = 'male'): string {
  idSequence = (idSequence + 1) % 499;
  const seq = String(idSequence * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${idRegion}${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idCheckCharacter(first17);
}

/** Answers to every item of the default template, for a household with no problems. */
export const CALM_ANSWERS = baselineAnswers(DEFAULT_TEMPLATE_V1 as unknown as TemplateDefinition);

/** What an assessor registers: a head with that monthly income (fen) in `community`. */
export function householdInput(
  community: AreaEntity,
  over: Partial<CreateHouseholdDto> | Record<string, unknown> = {},
  headIncomeFen = 50_000,
): CreateHouseholdDto {
  return {
    communityId: community.id,
    residency: 'local',
    phone: '13812345678',
    members: [
      {
        name: '王建国',
        relation: 'self',
        idNumber: newIdNumber('1960-03-01'),
        employment: 'unemployed',
        monthlyIncomeFen: headIncomeFen,
      },
    ],
    ...over,
  } as CreateHouseholdDto;
}

/** What a provider posts: a resource body that passes every rule, covering `area`. */
export function resourceInput(
  area: AreaEntity,
  over: Partial<CreateResourceDto> | Record<string, unknown> = {},
): CreateResourceDto {
  return {
    title: `资源 ${randomUUID().slice(0, 6)}`,
    description: '测试用资源',
    categoryCode: 'care',
    form: 'service',
    serviceLevel: 'community',
    coverageAreaId: area.id,
    capacity: 10,
    validFrom: '2026-01-01',
    validUntil: '2099-12-31',
    ...over,
  } as CreateResourceDto;
}

/** A tender's five required criteria, quality first and price last (the order evaluators score in). */
export const PROJECT_CRITERIA = [
  { code: 'professional_qualification', name: '专业资质', weight: 20 },
  { code: 'internal_governance', name: '内部治理', weight: 10 },
  { code: 'human_resources', name: '人力资源', weight: 15 },
  { code: 'service_proposal', name: '服务方案', weight: 25 },
  { code: 'price', name: '价格', weight: 30 },
];

/** What staff draft: a year-long care tender in `area`, budget 1,000,000 fen, criteria summing to 100. */
export function projectInput(
  area: AreaEntity,
  over: Partial<CreateProjectDto> | Record<string, unknown> = {},
): CreateProjectDto {
  return {
    title: '困境儿童关爱服务项目',
    categoryCode: 'care',
    areaId: area.id,
    budgetFen: 1_000_000,
    targetHouseholds: 40,
    serviceStart: '2027-01-01',
    serviceEnd: '2027-12-31',
    description: '个案管理、学业辅导与心理支持',
    requirements: { minCertifiedSocialWorkers: 3, minYearsOperating: 2 },
    criteria: PROJECT_CRITERIA,
    ...over,
  } as CreateProjectDto;
}

/** city > district > two streets, each with one community. */
export type District = Awaited<ReturnType<Factory['district']>>;

export type MemberSeed = Partial<Omit<MemberEntity, 'idHmac' | 'idEnc' | 'idMasked'>> & {
  idNumber?: string;
};

export type HouseholdSeed = Partial<Omit<HouseholdEntity, 'members' | 'community'>> & {
  /** Where it lives: a community of a fresh district unless given. */
  community?: AreaEntity;
  /** The head first; a lone unemployed head with no income unless given. */
  members?: MemberSeed[];
};

/** The innermost circle of each tier, as the assessment's tier table assigns it. */
const CIRCLE_OF_TIER = Object.fromEntries(
  TIER_TABLE.filter((row) => row.tier !== null).map((row) => [row.tier, row.circle]),
) as Record<Tier, number>;

let passwordHash: Promise<string> | undefined;

/**
 * Test data written straight to the database, each record with a unique code or name, for
 * service tests (a Nest testing module) and e2e tests (the running API) alike. Records come
 * out valid and minimal; tests state only what their case depends on.
 */
export class Factory {
  readonly dataSource: DataSource;

  constructor(private readonly app: { get<T>(type: Type<T>, options?: { strict: false }): T }) {
    this.dataSource = app.get<DataSource>(getDataSourceToken() as Type<DataSource>);
  }

  async area(
    level: AreaLevel,
    parent?: AreaEntity,
    extra: Partial<AreaEntity> = {},
  ): Promise<AreaEntity> {
    const area = Object.assign(new AreaEntity(), {
      id: randomUUID(),
      parentId: parent?.id ?? null,
      level,
      code: `T-${randomUUID().slice(0, 12)}`,
      name: `${level} ${randomUUID().slice(0, 6)}`,
      minimumLivingStandardFen: level === 'district' ? 110_000 : null,
      ...extra,
    });
    area.path = childPath(parent?.path ?? null, area.id);
    await this.dataSource.getRepository(AreaEntity).insert(area);
    return area;
  }

  /** city > district > two streets, each with one community. */
  async district() {
    const city = await this.area('city');
    const district = await this.area('district', city);
    const streetA = await this.area('street', district);
    const streetB = await this.area('street', district);
    const communityA = await this.area('community', streetA);
    const communityB = await this.area('community', streetB);
    return { city, district, streetA, streetB, communityA, communityB };
  }

  /** A user account (password {@link TEST_PASSWORD}) of that role and area. */
  async user(
    role: Role,
    area?: AreaEntity | null,
    providerId: string | null = null,
  ): Promise<{ id: string; username: string; principal: Principal }> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const username = `${role}.${randomUUID().slice(0, 8)}`;
    const id = await this.app.get(UsersRepository, { strict: false }).upsert({
      username,
      displayName: username,
      passwordHash: await passwordHash,
      role,
      areaId: area?.id ?? null,
      providerId,
    });
    const principal: Principal = {
      userId: id,
      username,
      role,
      areaId: area?.id ?? null,
      areaPath: area?.path ?? null,
      providerId,
    };
    return { id, username, principal };
  }

  /** The caller a service sees, as the auth guard would load it, for a new user. */
  async principal(
    role: Role,
    area?: AreaEntity | null,
    providerId: string | null = null,
  ): Promise<Principal> {
    return (await this.user(role, area, providerId)).principal;
  }

  /** A provider organization at home in `homeArea`, verified unless said otherwise. */
  async provider(
    homeArea: AreaEntity,
    over: Partial<Pick<ProviderEntity, 'kind' | 'verification' | 'name'>> = {},
  ): Promise<ProviderEntity> {
    const base = `9111010${String(Math.floor(Math.random() * 1e9)).padStart(10, '0')}`.slice(0, 17);
    const provider = Object.assign(new ProviderEntity(), {
      kind: 'charity',
      name: `机构 ${randomUUID().slice(0, 6)}`,
      uscc: base + usccCheckCharacter(base),
      homeAreaId: homeArea.id,
      verification: 'verified',
      ...over,
    });
    await this.dataSource.getRepository(ProviderEntity).insert(provider);
    return provider;
  }

  /** A social-work organization (the only kind that bids) and a user acting for it. */
  async socialWorkOrg(
    homeArea: AreaEntity,
    verification: ProviderEntity['verification'] = 'verified',
  ): Promise<{ provider: ProviderEntity; principal: Principal }> {
    const provider = await this.provider(homeArea, { kind: 'social_work_org', verification });
    return { provider, principal: await this.principal('provider', homeArea, provider.id) };
  }

  /**
   * A tender in `area` written directly (no audit rows, no close job), a draft unless said
   * otherwise: for tests whose subject is what happens to its bids, not its lifecycle.
   */
  async project(
    area: AreaEntity,
    over: Partial<ServiceProjectEntity> = {},
  ): Promise<ServiceProjectEntity> {
    const input = projectInput(area);
    const project = Object.assign(new ServiceProjectEntity(), {
      ...input,
      areaPath: area.path,
      budgetFen: String(input.budgetFen),
      requirements: { verifiedOnly: true, ...input.requirements },
      milestones: [
        { deliverable: '服务完成并通过终期评估', dueDate: input.serviceEnd, sharePercent: 100 },
      ],
      evaluationWeights: { ...DEFAULT_DIMENSION_WEIGHTS },
      status: 'draft',
      createdById: randomUUID(),
      ...over,
    });
    await this.dataSource.getRepository(ServiceProjectEntity).insert(project);
    return project;
  }

  /**
   * A resource of `provider` covering `coverage`, published unless said otherwise. Written
   * directly (no review, no audit rows): for tests whose subject is not the lifecycle.
   */
  async resource(
    provider: ProviderEntity,
    coverage: AreaEntity,
    over: Partial<ResourceEntity> = {},
  ): Promise<ResourceEntity> {
    const status = over.status ?? 'published';
    const resource = Object.assign(new ResourceEntity(), {
      providerId: provider.id,
      title: `资源 ${randomUUID().slice(0, 6)}`,
      description: '测试用资源',
      categoryCode: 'care',
      form: 'service',
      serviceLevel: coverage.level === 'city' ? 'district' : coverage.level,
      coverageAreaId: coverage.id,
      capacity: 10,
      validFrom: '2026-01-01',
      validUntil: '2099-12-31',
      status,
      publishedAt: status === 'draft' || status === 'pending_review' ? null : new Date(),
      ...over,
    });
    await this.dataSource.getRepository(ResourceEntity).insert(resource);
    return resource;
  }

  /**
   * A household as an assessment would have left it (`tier` and its circle set directly, no
   * assessment row), with members whose identity numbers are digested and encrypted.
   */
  async household(seed: HouseholdSeed = {}): Promise<HouseholdEntity> {
    const { community: given, members: memberSeeds, ...fields } = seed;
    const community = given ?? (await this.district()).communityA;
    const pii = this.app.get(PiiCipher, { strict: false });
    const tier = fields.tier ?? null;
    const household = Object.assign(new HouseholdEntity(), {
      communityId: community.id,
      residency: 'local',
      status: 'active',
      tier,
      circle: tier ? CIRCLE_OF_TIER[tier] : null,
      lastAssessedAt: tier ? new Date() : null,
      ...fields,
    });
    const seeds = memberSeeds ?? [{}];
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(HouseholdEntity).insert(household);
      const members = seeds.map((m, i) => {
        const { idNumber: given, ...rest } = m;
        const relation: Relation = rest.relation ?? (i === 0 ? 'self' : 'child');
        const idNumber = given ?? newIdNumber(rest.birthDate ?? '1970-01-01', rest.gender);
        return Object.assign(new MemberEntity(), {
          householdId: household.id,
          name: `成员${i + 1}`,
          relation,
          isHead: relation === 'self',
          birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
          gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
          employment: 'unemployed',
          monthlyIncomeFen: 0,
          ...rest,
          idHmac: pii.digest(idNumber),
          idEnc: pii.encrypt(idNumber),
          idMasked: maskIdNumber(idNumber),
        });
      });
      await manager.getRepository(MemberEntity).insert(members);
      household.members = members;
    });
    household.community = community;
    return household;
  }
}
