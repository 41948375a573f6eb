import { randomUUID } from 'node:crypto';
import { AreasModule, AreasService } from '@onedoor/areas';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

const code = () => `T-${randomUUID().slice(0, 12)}`;

describe(AreasService.name, () => {
  let ctx: ServiceContext;
  let sut: AreasService;

  beforeAll(async () => {
    ctx = await startServices([AreasModule]);
    sut = ctx.get(AreasService);
  });
  afterAll(() => ctx.close());

  it('places an area only under a parent of the level above, with a living standard for districts only', async () => {
    const admin = await ctx.factory.principal('admin');
    const tree = await ctx.factory.district();
    await expect(
      sut.create(
        {
          level: 'district',
          parentId: tree.streetA.id,
          code: code(),
          name: 'x',
          minimumLivingStandardFen: 100_000,
        },
        admin,
      ),
    ).rejects.toMatchObject({
      code: 'AREA_PARENT_INVALID',
      message: 'A district needs a parent city',
    });
    await expect(
      sut.create({ level: 'district', parentId: tree.city.id, code: code(), name: 'x' }, admin),
    ).rejects.toMatchObject({ code: 'AREA_PARENT_INVALID' });
    await expect(
      sut.create(
        {
          level: 'street',
          parentId: tree.district.id,
          code: code(),
          name: 'x',
          minimumLivingStandardFen: 1,
        },
        admin,
      ),
    ).rejects.toMatchObject({ code: 'AREA_PARENT_INVALID' });

    const taken = code();
    const street = await sut.create(
      { level: 'street', parentId: tree.district.id, code: taken, name: '新街道' },
      admin,
    );
    expect(street.path).toBe(`${tree.district.path}${street.id}/`);
    await expect(
      sut.create({ level: 'street', parentId: tree.district.id, code: taken, name: 'y' }, admin),
    ).rejects.toMatchObject({ code: 'AREA_CODE_TAKEN' });
  });

  it('shows an area in scope with its ancestors as breadcrumbs and its children, and hides the rest', async () => {
    const tree = await ctx.factory.district();
    const assessorA = await ctx.factory.principal('assessor', tree.streetA);
    const detail = await sut.get(tree.streetA.id, assessorA);
    expect(detail.ancestors.map((a) => a.id)).toEqual([tree.city.id, tree.district.id]);
    expect(detail.children.map((c) => c.id)).toEqual([tree.communityA.id]);
    await expect(sut.get(tree.streetB.id, assessorA)).rejects.toMatchObject({
      code: 'AREA_NOT_FOUND',
    });
  });
});
