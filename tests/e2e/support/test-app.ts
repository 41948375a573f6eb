import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { AreaEntity, AreaLevel } from '@onedoor/areas';
import type { ProviderEntity } from '@onedoor/resources';
import { loadConfig, type AppConfig, type Role } from '@onedoor/platform';
import { createApiApp } from '../../../apps/api/src/create-api-app';
import {
  CALM_ANSWERS,
  Factory,
  householdInput,
  newIdNumber,
  resourceInput,
  TEST_PASSWORD,
} from '../../factories';

export { CALM_ANSWERS, newIdNumber, TEST_PASSWORD };

/** The real API (same bootstrap as main.ts) on the run's database and Redis. */
export async function startApi(env: Record<string, string> = {}): Promise<TestContext> {
  const config = loadConfig({ ...process.env, ...env });
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return new TestContext(app, config);
}

/** Helpers over one running app; test data comes from the shared factories. */
export class TestContext {
  readonly dataSource: DataSource;
  readonly factory: Factory;

  constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
  ) {
    this.dataSource = app.get<DataSource>(getDataSourceToken());
    this.factory = new Factory(app);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  newArea(level: AreaLevel, parent?: AreaEntity, extra: Partial<AreaEntity> = {}) {
    return this.factory.area(level, parent, extra);
  }

  /** city > district > two streets, each with one community. */
  newDistrict() {
    return this.factory.district();
  }

  async newUser(
    role: Role,
    area?: AreaEntity | null,
    providerId: string | null = null,
  ): Promise<{ id: string; username: string }> {
    const { id, username } = await this.factory.user(role, area, providerId);
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
  newProvider(
    homeArea: AreaEntity,
    over: Partial<Pick<ProviderEntity, 'kind' | 'verification' | 'name'>> = {},
  ): Promise<ProviderEntity> {
    return this.factory.provider(homeArea, over);
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
    return resourceInput(area, over);
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
    return { ...householdInput(community, over, headIncomeFen) };
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

  /** PostgreSQL's count of deadlocks detected in this run's database. */
  async deadlocks(): Promise<number> {
    // A backend reports its statistics when it goes idle, at most once a second (else within
    // 10 s): wait that second, then make every pooled connection run a statement and go idle.
    await new Promise((r) => setTimeout(r, 1_100));
    await Promise.all(
      Array.from({ length: 10 }, () => this.dataSource.query('SELECT pg_sleep(0.05)')),
    );
    const [row] = await this.dataSource.query(
      `SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`,
    );
    return row.n;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
