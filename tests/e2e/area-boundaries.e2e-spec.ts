import { randomUUID } from 'node:crypto';
import { startApi, TestContext } from './support/test-app';

const square = (w: number, s: number, e = w + 0.01, n = s + 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('Area boundaries (e2e)', () => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = await startApi();
    admin = await ctx.tokenFor('admin');
  });
  afterAll(() => ctx.close());

  it('takes a boundary on create and on update, and lists it; null removes it', async () => {
    const tree = await ctx.newDistrict();
    const created = await ctx.http
      .post('/api/areas')
      .set('Authorization', admin)
      .send({
        level: 'street',
        parentId: tree.district.id,
        code: `B-${randomUUID().slice(0, 8)}`,
        name: '边界街道',
        boundary: square(116.3, 39.9),
      })
      .expect(201);
    expect(created.body.boundary).toEqual(square(116.3, 39.9));

    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const listed = await ctx.http
      .get(`/api/areas?parentId=${tree.district.id}&limit=100`)
      .set('Authorization', staff)
      .expect(200);
    const byId = new Map(
      listed.body.items.map((a: { id: string; boundary: unknown }) => [a.id, a.boundary]),
    );
    expect(byId.get(created.body.id)).toEqual(square(116.3, 39.9));
    expect(byId.get(tree.streetA.id)).toBeNull();

    const multi = {
      type: 'MultiPolygon',
      coordinates: [square(116.4, 39.9).coordinates, square(116.5, 39.9).coordinates],
    };
    const updated = await ctx.http
      .patch(`/api/areas/${tree.streetA.id}`)
      .set('Authorization', admin)
      .send({ boundary: multi })
      .expect(200);
    expect(updated.body).toMatchObject({ id: tree.streetA.id, boundary: multi });
    const read = await ctx.http
      .get(`/api/areas/${tree.streetA.id}`)
      .set('Authorization', staff)
      .expect(200);
    expect(read.body.boundary).toEqual(multi);
    const audit = await ctx.dataSource.query(
      `SELECT action, data FROM audit_log WHERE entity_type = 'area' AND entity_id = $1`,
      [tree.streetA.id],
    );
    expect(audit).toEqual([{ action: 'update', data: { boundary: 'MultiPolygon' } }]);

    await ctx.http
      .patch(`/api/areas/${tree.streetA.id}`)
      .set('Authorization', admin)
      .send({ boundary: null })
      .expect(200)
      .expect((res) => expect(res.body.boundary).toBeNull());
  });

  it('refuses a wrong boundary with 400 and the path of the wrong node, changing nothing', async () => {
    const tree = await ctx.newDistrict();
    const open = square(116.3, 39.9);
    open.coordinates[0][4] = [116.3, 39.95];
    const res = await ctx.http
      .patch(`/api/areas/${tree.streetA.id}`)
      .set('Authorization', admin)
      .send({ boundary: open })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        {
          field: 'boundary.coordinates[0]',
          constraint: 'geoJsonBoundary',
          message: '每个环的最后一个坐标点应与第一个相同（闭合）',
        },
      ],
    });

    const farAway = square(116.3, 39.9);
    farAway.coordinates[0][2] = [190, 39.91];
    const created = await ctx.http
      .post('/api/areas')
      .set('Authorization', admin)
      .send({
        level: 'street',
        parentId: tree.district.id,
        code: `B-${randomUUID().slice(0, 8)}`,
        name: '越界街道',
        boundary: farAway,
      })
      .expect(400);
    expect(created.body.details).toEqual([
      expect.objectContaining({
        field: 'boundary.coordinates[0][2][0]',
        constraint: 'geoJsonBoundary',
      }),
    ]);

    const point = await ctx.http
      .patch(`/api/areas/${tree.streetA.id}`)
      .set('Authorization', admin)
      .send({ boundary: { type: 'Point', coordinates: [116.3, 39.9] } })
      .expect(400);
    expect(point.body.details[0].field).toBe('boundary.type');

    const [row] = await ctx.dataSource.query(`SELECT boundary FROM area WHERE id = $1`, [
      tree.streetA.id,
    ]);
    expect(row.boundary).toBeNull();
  });

  it('lets only admin change an area, and answers 404 for one that does not exist', async () => {
    const tree = await ctx.newDistrict();
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    await ctx.http
      .patch(`/api/areas/${tree.streetA.id}`)
      .set('Authorization', staff)
      .send({ boundary: square(116.3, 39.9) })
      .expect(403);
    await ctx.http
      .patch('/api/areas/00000000-0000-4000-8000-000000000000')
      .set('Authorization', admin)
      .send({ name: '无此区域' })
      .expect(404);
  });
});
