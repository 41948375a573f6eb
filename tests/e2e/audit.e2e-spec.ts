import { randomUUID } from 'node:crypto';
import { AreaEntity, AreasService } from '@onedoor/areas';
import { AuditLogEntity, AuditService, TransactionRunner } from '@onedoor/platform';
import { startApi, TestContext } from './support/test-app';

describe('Audit (e2e)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('writes the audit row with the change, visible through GET /audit', async () => {
    const admin = await ctx.tokenFor('admin');
    const created = await ctx.http
      .post('/api/areas')
      .set('Authorization', admin)
      .send({ level: 'city', code: `T-AUD-${randomUUID().slice(0, 6)}`, name: '审计市' });
    expect(created.status).toBe(201);

    const history = await ctx.http
      .get(`/api/audit?entityType=area&entityId=${created.body.id}`)
      .set('Authorization', admin);
    expect(history.status).toBe(200);
    expect(history.body.total).toBe(1);
    expect(history.body.items[0]).toMatchObject({
      entityType: 'area',
      entityId: created.body.id,
      action: 'create',
      actorRole: 'admin',
      toState: 'active',
    });
  });

  it('rolls the audit row back with a change that fails', async () => {
    const sut = ctx.app.get(TransactionRunner);
    const audit = ctx.app.get(AuditService);
    const id = randomUUID();
    await expect(
      sut.run(async (manager) => {
        await manager.insert(AreaEntity, {
          id,
          level: 'city',
          code: `T-RB-${id.slice(0, 6)}`,
          name: 'x',
          path: `/${id}/`,
        });
        await audit.record(manager, {
          entityType: 'area',
          entityId: id,
          action: 'create',
          actor: null,
        });
        throw new Error('boom after both writes');
      }),
    ).rejects.toThrow('boom after both writes');
    expect(await ctx.dataSource.getRepository(AreaEntity).countBy({ id })).toBe(0);
    expect(await ctx.dataSource.getRepository(AuditLogEntity).countBy({ entityId: id })).toBe(0);
  });

  it('does not write the change when the audit row fails', async () => {
    const areas = ctx.app.get(AreasService);
    const code = `T-DUP-${randomUUID().slice(0, 6)}`;
    const actor = {
      userId: randomUUID(),
      username: 'x',
      role: 'admin' as const,
      areaId: null,
      areaPath: null,
      providerId: null,
    };
    // actor_id is a uuid column: a non-uuid makes the audit insert fail after the area insert.
    await expect(
      areas.create({ level: 'city', code, name: 'x' }, { ...actor, userId: 'not-a-uuid' }),
    ).rejects.toThrow();
    expect(await ctx.dataSource.getRepository(AreaEntity).countBy({ code })).toBe(0);
  });

  it('refuses to write an audit row outside a transaction', async () => {
    await expect(
      ctx.app.get(AuditService).record(ctx.dataSource.manager, {
        entityType: 'x',
        entityId: 'x',
        action: 'x',
        actor: null,
      }),
    ).rejects.toThrow(/open transaction/);
  });

  it('refuses to update or delete audit rows, even in SQL', async () => {
    const [row] = await ctx.dataSource.query(
      `INSERT INTO audit_log (entity_type, entity_id, action) VALUES ('test', 'x', 'create') RETURNING id`,
    );
    await expect(
      ctx.dataSource.query(`UPDATE audit_log SET action = 'forged' WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      ctx.dataSource.query(`DELETE FROM audit_log WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('scopes history to the reader: street staff do not see another street', async () => {
    const tree = await ctx.newDistrict();
    const admin = await ctx.tokenFor('admin');
    const made = await ctx.http
      .post('/api/areas')
      .set('Authorization', admin)
      .send({
        level: 'community',
        parentId: tree.streetB.id,
        code: `T-SC-${randomUUID().slice(0, 6)}`,
        name: 'B 社区',
      });
    expect(made.status).toBe(201);
    const streetA = await ctx.tokenFor('civil_affairs', tree.streetA);
    const districtStaff = await ctx.tokenFor('civil_affairs', tree.district);
    const hidden = await ctx.http
      .get(`/api/audit?entityId=${made.body.id}`)
      .set('Authorization', streetA);
    const shown = await ctx.http
      .get(`/api/audit?entityId=${made.body.id}`)
      .set('Authorization', districtStaff);
    expect(hidden.body.total).toBe(0);
    expect(shown.body.total).toBe(1);
    const assessor = await ctx.tokenFor('assessor', tree.district);
    await ctx.http.get('/api/audit').set('Authorization', assessor).expect(403);
  });
});
