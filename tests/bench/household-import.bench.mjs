// Household CSV import: memory and speed for 1,000 and 10,000 households, streamed.
// Run with `npm run bench` (it provides the services, a throw-away database and the build).
// Prints peak heap growth and rows per second for each size and the 10k / 1k ratios: a
// streaming import keeps the memory ratio near 1 while a buffering one would approach 10.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

const require = createRequire(import.meta.url);
const { createApiApp } = require('../../dist/apps/api/src/create-api-app.js');
const { UsersRepository, hashPassword } = require('../../dist/libs/platform/src/index.js');
const { AreasService } = require('../../dist/libs/areas/src/index.js');

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(n) {
  // Distinct birth dates and sequences: 366 × 999 identities per year, plenty for 11,000.
  const day = new Date(Date.UTC(1950, 0, 1) + (n % 20000) * 86400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const seq = String(1 + Math.floor(n / 20000) * 7 + (n % 7)).padStart(3, '0');
  const first17 = `110105${day}${seq}`;
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

function csvStream(households, communityCode, offset) {
  return Readable.from(
    (function* () {
      yield '户编号,社区编码,户籍,姓名,与户主关系,身份证号,就业状况,月收入(元)\n';
      for (let i = 0; i < households; i += 1) {
        yield `B${offset + i},${communityCode},本地,测试${i},户主,${idNumber(offset + i)},失业,${(i % 30) * 100}\n`;
      }
    })(),
  );
}

async function measure(label, run) {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const started = process.hrtime.bigint();
  const result = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  return { label, result, seconds, peakGrowthMb: (peak - base) / 2 ** 20 };
}

const app = await createApiApp();
await app.listen(0, '127.0.0.1');
const url = await app.getUrl();
try {
  const admin = {
    userId: null,
    username: 'bench',
    role: 'admin',
    areaId: null,
    areaPath: null,
    providerId: null,
  };
  const areas = app.get(AreasService);
  const tag = randomUUID().slice(0, 6);
  const city = await areas.create(
    { level: 'city', code: `BENCH-${tag}`, name: 'bench' },
    { ...admin, userId: randomUUID() },
  );
  const district = await areas.create(
    {
      level: 'district',
      parentId: city.id,
      code: `BENCH-${tag}-D`,
      name: 'd',
      minimumLivingStandardFen: 110000,
    },
    { ...admin, userId: randomUUID() },
  );
  const street = await areas.create(
    { level: 'street', parentId: district.id, code: `BENCH-${tag}-S`, name: 's' },
    { ...admin, userId: randomUUID() },
  );
  const community = await areas.create(
    { level: 'community', parentId: street.id, code: `BENCH-${tag}-C`, name: 'c' },
    { ...admin, userId: randomUUID() },
  );
  await app.get(UsersRepository).upsert({
    username: `bench.${tag}`,
    displayName: 'bench',
    passwordHash: await hashPassword('bench-password'),
    role: 'assessor',
    areaId: district.id,
    providerId: null,
  });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `bench.${tag}`, password: 'bench-password' }),
  });
  const { accessToken } = await login.json();

  const importCsv = (households, offset) => async () => {
    const res = await fetch(`${url}/api/households/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'text/csv' },
      body: Readable.toWeb(csvStream(households, community.code, offset)),
      duplex: 'half',
    });
    const body = await res.json();
    if (res.status !== 201 || body.households.imported !== households)
      throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body.households.imported;
  };

  const small = await measure('1,000 households', importCsv(1000, 0));
  const large = await measure('10,000 households', importCsv(10000, 1000));
  for (const r of [small, large]) {
    console.log(
      `${r.label.padEnd(18)} ${String(r.result).padStart(6)} imported in ${r.seconds.toFixed(1)} s  ${(r.result / r.seconds).toFixed(0)} rows/s  peak heap growth ${r.peakGrowthMb.toFixed(1)} MiB`,
    );
  }
  console.log(
    `ratios 10k/1k: rows ${(large.result / small.result).toFixed(1)}×, time ${(large.seconds / small.seconds).toFixed(1)}×, peak heap growth ${(large.peakGrowthMb / Math.max(small.peakGrowthMb, 0.1)).toFixed(2)}×`,
  );
} finally {
  await app.close();
}
