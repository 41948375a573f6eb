import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AreaEntity, childPath, type AreaLevel } from '@onedoor/areas';
import {
  hashPassword,
  loadConfig,
  type AppConfig,
  type Role,
  UsersRepository,
} from '@onedoor/platform';
import { createApiApp } from '../../../apps/api/src/create-api-app';

export const TEST_PASSWORD = 'correct horse battery staple';
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

  async newUser(role: Role, area?: AreaEntity | null): Promise<{ id: string; username: string }> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const username = `${role}.${randomUUID().slice(0, 8)}`;
    const id = await this.app.get(UsersRepository).upsert({
      username,
      displayName: username,
      passwordHash: await passwordHash,
      role,
      areaId: area?.id ?? null,
      providerId: null,
    });
    return { id, username };
  }

  async login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await this.http.post('/auth/login').send({ username, password }).expect(200);
    return res.body.accessToken as string;
  }

  /** A new user of that role and area, logged in: returns the bearer header value. */
  async tokenFor(role: Role, area?: AreaEntity | null): Promise<string> {
    const user = await this.newUser(role, area);
    return `Bearer ${await this.login(user.username)}`;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
