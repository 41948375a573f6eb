import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AreaEntity, childPath, type AreaLevel } from '@onedoor/areas';
import { baselineAnswers, idCheckCharacter, type TemplateDefinition } from '@onedoor/households';
import { ProviderEntity, usccCheckCharacter } from '@onedoor/resources';
import { DEFAULT_TEMPLATE_V1 } from '../../../migrations/default-assessment-template';
import {
  hashPassword,
  loadConfig,
  type AppConfig,
  type Role,
  UsersRepository,
} from '@onedoor/platform';
import { createApiApp } from '../../../apps/api/src/create-api-app';

export const TEST_PASSWORD = 'correct horse battery staple';

// Spec files share one database and each loads this module afresh, so a sequence alone would
// repeat across files (a spurious 409 HOUSEHOLD_DUPLICATE): each file also draws its own region
// code (not validated, unlike the date and check character).
const idRegion = `11${String(1000 + Math.floor(Math.random() * 9000))}`;
let idSequence = 0;
/** A fresh valid identity number: this file's region, the birth date given, a new sequence. */
export function newIdNumber(birthDate = '1980-06-15', gender: 'male' | 'female' = 'male'): string {
  idSequence = (idSequence + 1) % 499;
  const seq = String(idSequence * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `${idRegion}${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idCheckCharacter(first17);
}

/** Answers to every item of the default template, for a household with no problems. */
export const CALM_ANSWERS = baselineAnswers(DEFAULT_TEMPLATE_V1 as unknown as TemplateDefinition);
let passwordHash: Promise<string> | undefined;

/** The real API (same bootstrap as main.ts) on the run's database and Redis. */
export async function startApi(env: Record<string, string> = {}): Promise<TestContext> {
  const config = loadConfig({ ...process.env, ...env });
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return new TestContext(app, config);
}

/** Factories and helpers over one running app; every record gets a unique code/name. */
export class TestContext {
  readonly dataSource: DataSource;

  constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
  ) {
    this.dataSource = app.get<DataSource>(getDataSourceToken());
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async newArea(
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
  async newDistrict() {
    const city = await this.newArea('city');
    const district = await this.newArea('district', city);
    const streetA = await this.newArea('street', district);
    const streetB = await this.newArea('street', district);
    const communityA = await this.newArea('community', streetA);
    const communityB = await this.newArea('community', streetB);
    return { city, district, streetA, streetB, communityA, communityB };
  }

  async newUser(
    role: Role,
    area?: AreaEntity | null,
    providerId: string | null = null,
  ): Promise<{ id: string; username: string }> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const username = `${role}.${randomUUID().slice(0, 8)}`;
    const id = await this.app.get(UsersRepository).upsert({
      username,
      displayName: username,
      passwordHash: await passwordHash,
      role,
      areaId: area?.id ?? null,
      providerId,
    });
    return { id, username };
  }

  async login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await this.http.post('/api/auth/login').send({ username, password }).expect(200);
    return res.body.accessToken as string;
  }

  /** A new user of that role and area, logged in: returns the bearer header value. */
  async tokenFor(
    role: Role,
    area?: AreaEntity | null,
    providerId: string | null = null,
  ): Promise<string> {
    const user = await this.newUser(role, area, providerId);
    return `Bearer ${await this.login(user.username)}`;
  }

  /** A provider organization at home in `homeArea`, verified unless said otherwise. */
  async newProvider(
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

  /** A provider with a logged-in user acting for it. */
  async newProviderWithUser(
    homeArea: AreaEntity,
    over: Parameters<TestContext['newProvider']>[1] = {},
  ) {
    const provider = await this.newProvider(homeArea, over);
    const token = await this.tokenFor('provider', homeArea, provider.id);
    return { provider, token };
  }

  /** A resource body that passes every rule, covering `area`. */
  resourceBody(area: AreaEntity, over: Record<string, unknown> = {}) {
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
    };
  }

  /** Posts, submits and publishes a resource: returns its body as published. */
  async publishedResource(
    ownerToken: string,
    reviewerToken: string,
    area: AreaEntity,
    over: Record<string, unknown> = {},
  ) {
    const created = await this.http
      .post('/api/resources')
      .set('Authorization', ownerToken)
      .send(this.resourceBody(area, over))
      .expect(201);
    await this.http
      .post(`/api/resources/${created.body.id}/submit`)
      .set('Authorization', ownerToken)
      .send({})
      .expect(200);
    const published = await this.http
      .post(`/api/resources/${created.body.id}/publish`)
      .set('Authorization', reviewerToken)
      .send({})
      .expect(200);
    return published.body as {
      id: string;
      version: number;
      title: string;
      provider: { id: string };
    };
  }

  /** A household body: a head with that monthly income (fen) in `community`. */
  householdBody(community: AreaEntity, over: Record<string, unknown> = {}, headIncomeFen = 50_000) {
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
    };
  }

  /** Registers a household (default body) and starts its assessment: both responses. */
  async draftAssessment(
    token: string,
    community: AreaEntity,
    body: Record<string, unknown> = this.householdBody(community),
  ) {
    const h = await this.http
      .post('/api/households')
      .set('Authorization', token)
      .send(body)
      .expect(201);
    const a = await this.http
      .post(`/api/households/${h.body.id}/assessments`)
      .set('Authorization', token)
      .send({})
      .expect(201);
    return { h, a };
  }

  /** Registers, assesses with `answers` over the calm baseline, completes: returns both bodies. */
  async assessedHousehold(
    token: string,
    community: AreaEntity,
    answers: Record<string, unknown> = {},
    body: Record<string, unknown> = this.householdBody(community),
  ) {
    const { h: household, a: assessment } = await this.draftAssessment(token, community, body);
    await this.http
      .patch(`/api/assessments/${assessment.body.id}`)
      .set('Authorization', token)
      .send({ answers: { ...CALM_ANSWERS, ...answers } })
      .expect(200);
    const completed = await this.http
      .post(`/api/assessments/${assessment.body.id}/complete`)
      .set('Authorization', token)
      .send({})
      .expect(200);
    return { household: household.body, assessment: completed.body };
  }

  /** Every service of the public HSDS export, page by page. */
  async allHsdsServices(): Promise<Array<Record<string, unknown> & { id: string }>> {
    const services: Array<Record<string, unknown> & { id: string }> = [];
    for (let page = 1; ; page += 1) {
      const res = await this.http
        .get(`/api/exports/hsds/services?limit=100&page=${page}`)
        .expect(200);
      services.push(...res.body.contents);
      if (res.body.last_page) return services;
    }
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
