import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { PageQueryDto } from '@onedoor/platform';
import { HsdsExportService, ResourcesModule } from '@onedoor/resources';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';
import { allHsdsServices } from './hsds-pages';

// The official HSDS 3.0 schemas are kept beside the repository, in ../shared/schemas.
const SCHEMA = join(__dirname, '../../../../shared/schemas/hsds-3.0/service.json');

describe(HsdsExportService.name, () => {
  let ctx: ServiceContext;
  let sut: HsdsExportService;

  beforeAll(async () => {
    ctx = await startServices([ResourcesModule]);
    sut = ctx.get(HsdsExportService);
  });
  afterAll(() => ctx.close());

  it('exports published resources as HSDS 3.0 services that validate against the official schema', async () => {
    const tree = await ctx.factory.district();
    const provider = await ctx.factory.provider(tree.district);
    const mine = await ctx.factory.resource(provider, tree.communityA, {
      form: 'cash',
      categoryCode: 'education',
      valuePerUnitFen: 100000,
      eligibility: {
        all: [{ childrenInSchool: { min: 1 } }, { perCapitaIncomeRatio: { max: 1.5 } }],
      },
    });
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

    const first = await sut.services(Object.assign(new PageQueryDto(), { limit: 100 }));
    expect(first).toMatchObject({ page_number: 1, first_page: true, empty: false });
    const services = await allHsdsServices(sut);
    expect(services.length).toBe(first.total_items);
    for (const service of services) {
      const ok = validate(service);
      expect({ id: service.id, errors: ok ? [] : validate.errors }).toEqual({
        id: service.id,
        errors: [],
      });
    }
    const cash = services.find((s) => s.id === mine.id);
    expect(cash).toMatchObject({
      status: 'active',
      eligibility_description: '在学子女≥1人；人均收入为低保标准的≤1.5倍',
      cost_options: [{ currency: 'CNY', amount: 1000 }],
    });
  });
});
