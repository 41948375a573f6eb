import { randomInt } from 'node:crypto';
import { idCheckCharacter } from '@onedoor/households';
import { eventually, withMatcher } from './support/matcher-process';
import { CALM_ANSWERS, startApi, TestContext } from './support/test-app';

/**
 * Issue 16, "Personal data": no response, and no combination of fields in one response, shows
 * more of an identity number than its last four characters. An identity number is region (6) +
 * birth date (8) + sequence (3) + check character (1).
 *
 * The attacker here is strong: it knows each member's region (a household's community often
 * gives it away) and its last four (responses may show those). What it lacks is the birth
 * date. A response gives a member's number away when either
 *  - it contains five or more consecutive characters of the number anywhere (UUIDs aside), or
 *  - some single value in it — a full date (`YYYY-MM-DD`, `YYYYMMDD`) or a year and month
 *    (`YYYY-MM`, every day of that month) — taken as the birth date, leaves at most
 *    {@link GUESSABLE} numbers whose check character matches, the real one among them (the
 *    region brute force of the brief, with the region already known, which is the harder case).
 * An age, or a birth year alone, leaves about 33 candidates, so it does not give it away.
 */
const GUESSABLE = 10;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A valid number in a region nothing else in the test uses, a random sequence of that gender. */
function idNumber(region: string, birth: string, gender: 'male' | 'female'): string {
  const seq = randomInt(0, 499) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const isDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/** Each value in the text that could be read as a birth date: the candidate dates it allows. */
function birthDateHypotheses(text: string): Array<{ token: string; dates: string[] }> {
  const out: Array<{ token: string; dates: string[] }> = [];
  const full = /(?=(\d{4})-?(\d{2})-?(\d{2}))/g;
  for (const m of text.matchAll(full)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isDate(y, mo, d))
      out.push({ token: `${m[1]}${m[2]}${m[3]}`, dates: [`${m[1]}${m[2]}${m[3]}`] });
  }
  for (const m of text.matchAll(/(?=(\d{4})-(\d{2}))/g)) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    const days = [];
    for (let d = 1; d <= 31; d += 1)
      if (isDate(y, mo, d)) days.push(`${m[1]}${m[2]}${String(d).padStart(2, '0')}`);
    if (days.length) out.push({ token: `${m[1]}-${m[2]}`, dates: days });
  }
  return out;
}

/** Why `body` gives `id` away, or null when it does not. */
function rebuilds(body: unknown, id: string): string | null {
  const text = JSON.stringify(body).replace(UUID, '<uuid>');
  for (let i = 0; i + 5 <= id.length; i += 1) {
    if (text.includes(id.slice(i, i + 5))) return `contains ${id.slice(i, i + 5)} (position ${i})`;
  }
  const region = id.slice(0, 6);
  const tail = id.slice(14); // sequence and check character
  for (const { token, dates } of birthDateHypotheses(text)) {
    const candidates = dates
      .map((d) => `${region}${d}${tail.slice(0, 3)}`)
      .filter((first17) => idCheckCharacter(first17) === tail[3])
      .map((first17) => first17 + tail[3]);
    if (candidates.includes(id) && candidates.length <= GUESSABLE) {
      return `"${token}" as the birth date leaves ${candidates.length} candidate(s), the real one among them`;
    }
  }
  return null;
}

describe('Personal data in every response that carries members (e2e, with the matcher process)', () => {
  let ctx: TestContext;
  withMatcher();

  beforeAll(async () => {
    ctx = await startApi();
  });
  afterAll(() => ctx.close());

  it('the check itself finds the number in region + last four beside a birth date', () => {
    const id = idNumber('653130', '1937-08-29', 'female');
    expect(rebuilds({ idNumber: `653130********${id.slice(-4)}` }, id)).toMatch(/contains/);
    expect(
      rebuilds({ idNumber: `**************${id.slice(-4)}`, birthDate: '1937-08-29' }, id),
    ).toMatch(/birth date/);
    expect(rebuilds({ idNumber: `**************${id.slice(-4)}`, birth: '1937-08' }, id)).toMatch(
      /birth date/,
    );
    expect(rebuilds({ idNumber: `**************${id.slice(-4)}`, age: 89 }, id)).toBeNull();
  });

  it('never lets a reader rebuild an identity number, in any response, as any role', async () => {
    const tree = await ctx.newDistrict();
    const assessor = await ctx.tokenFor('assessor', tree.streetA);
    const staff = await ctx.tokenFor('civil_affairs', tree.district);
    const admin = await ctx.tokenFor('admin', null);
    const { token: providerToken } = await ctx.newProviderWithUser(tree.district);
    const resource = await ctx.publishedResource(providerToken, staff, tree.communityA, {
      categoryCode: 'legal_aid',
      capacity: 5,
    });

    // Regions nothing else uses; birth dates of every shape (a leap day, a month's last day).
    const ids = {
      head: idNumber('653130', '1937-08-29', 'female'),
      spouse: idNumber('653130', '1936-02-29', 'male'),
      child: idNumber('542621', '2011-10-31', 'male'),
      importedHead: idNumber('623027', '1952-07-14', 'male'),
      importedMember: idNumber('623027', '1983-12-01', 'female'),
    };
    const body = ctx.householdBody(tree.communityA, {
      members: [
        { name: '阿依古丽', relation: 'self', idNumber: ids.head, employment: 'retired' },
        { name: '买买提', relation: 'spouse', idNumber: ids.spouse, employment: 'retired' },
        {
          name: '小明',
          relation: 'child',
          idNumber: ids.child,
          birthDate: '2011-10-31',
          employment: 'student',
          educationStage: 'junior',
        },
      ],
    });
    const responses: Array<{ what: string; body: unknown }> = [];
    const read = async (what: string, token: string, path: string) => {
      const res = await ctx.http.get(path).set('Authorization', token);
      expect({ what, status: res.status }).toEqual({ what, status: 200 });
      responses.push({ what, body: res.body });
      return res.body;
    };

    const created = await ctx.http
      .post('/api/households')
      .set('Authorization', assessor)
      .send(body)
      .expect(201);
    responses.push({ what: 'POST /households', body: created.body });
    const householdId = created.body.id as string;
    const started = await ctx.http
      .post(`/api/households/${householdId}/assessments`)
      .set('Authorization', assessor)
      .send({})
      .expect(201);
    responses.push({ what: 'POST /households/:id/assessments', body: started.body });
    const answered = await ctx.http
      .patch(`/api/assessments/${started.body.id}`)
      .set('Authorization', assessor)
      .send({ answers: { ...CALM_ANSWERS, legal_dispute: true } })
      .expect(200);
    responses.push({ what: 'PATCH /assessments/:id', body: answered.body });
    const completed = await ctx.http
      .post(`/api/assessments/${started.body.id}/complete`)
      .set('Authorization', assessor)
      .send({})
      .expect(200);
    responses.push({ what: 'POST /assessments/:id/complete', body: completed.body });
    const current = await read(
      'GET /households/:id (assessor)',
      assessor,
      `/api/households/${householdId}`,
    );
    const patched = await ctx.http
      .patch(`/api/households/${householdId}`)
      .set('Authorization', assessor)
      .send({ address: '幸福路 1 号', version: (current as { version: number }).version })
      .expect(200);
    responses.push({ what: 'PATCH /households/:id', body: patched.body });

    const csv = [
      '户编号,社区编码,户籍,联系电话,姓名,与户主关系,身份证号,出生日期,就业状况,教育阶段,月收入(元),慢性病',
      `P1,${tree.communityA.code},本地,13900002222,马福,户主,${ids.importedHead},1952-07-14,retired,,900,是`,
      `P1,,,,马兰,配偶,${ids.importedMember},,employed,,2000,否`,
    ].join('\n');
    const imported = await ctx.http
      .post('/api/households/import')
      .set('Authorization', assessor)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(csv, 'utf8'))
      .expect(201);
    expect(imported.body.households).toEqual({ imported: 1, rejected: 0 });
    responses.push({ what: 'POST /households/import', body: imported.body });
    // A malformed file: the parser stops at a stray quote right after an identity number, and
    // its own message would quote the field.
    const malformed = await ctx.http
      .post('/api/households/import')
      .set('Authorization', assessor)
      .set('Content-Type', 'text/csv')
      .send(
        Buffer.from(
          `${csv.split('\n')[0]}\nP2,x,本地,,某,户主,${ids.head}"x,,retired,,0,否`,
          'utf8',
        ),
      );
    expect({ status: malformed.status, code: malformed.body.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    responses.push({ what: 'POST /households/import (malformed)', body: malformed.body });

    const proposal = await eventually(
      async () => {
        const needs = (await ctx.http
          .get(`/api/households/${householdId}/matches`)
          .set('Authorization', assessor)
          .then((r) => r.body)) as Array<{ proposals: Array<{ id: string; resourceId: string }> }>;
        return needs.flatMap((n) => n.proposals).find((p) => p.resourceId === resource.id);
      },
      20_000,
      'a proposal from the matcher',
    );
    const approved = await ctx.http
      .post(`/api/matches/${proposal.id}/approve`)
      .set('Authorization', staff)
      .expect(201);
    responses.push({ what: 'POST /matches/:id/approve', body: approved.body });
    const referralId = approved.body.id as string;

    const listed = (await read('GET /households (staff)', staff, '/api/households?limit=100')) as {
      items: Array<{ id: string }>;
    };
    const importedId = listed.items.find((h) => h.id !== householdId)?.id;
    for (const [role, token] of [
      ['assessor', assessor],
      ['civil_affairs', staff],
      ['admin', admin],
    ] as const) {
      for (const id of [householdId, importedId]) {
        await read(`GET /households/:id (${role})`, token, `/api/households/${id}`);
        await read(`GET /households/:id/needs (${role})`, token, `/api/households/${id}/needs`);
      }
      await read(`GET /households (${role})`, token, '/api/households?limit=100');
      await read(`GET /households/due-revisits (${role})`, token, '/api/households/due-revisits');
      await read(`GET /assessments/:id (${role})`, token, `/api/assessments/${started.body.id}`);
      await read(
        `GET /households/:id/matches (${role})`,
        token,
        `/api/households/${householdId}/matches`,
      );
      await read(`GET /referrals/:id (${role})`, token, `/api/referrals/${referralId}`);
      await read(`GET /referrals (${role})`, token, '/api/referrals?limit=100');
    }
    for (const [role, token] of [
      ['civil_affairs', staff],
      ['admin', admin],
    ] as const) {
      await read(`GET /matches (${role})`, token, '/api/matches?limit=100');
      await read(`GET /matches/:id (${role})`, token, `/api/matches/${proposal.id}`);
      await read(`GET /audit (${role})`, token, '/api/audit?limit=100&entityType=household');
      await read(
        `GET /audit by household (${role})`,
        token,
        `/api/audit?limit=100&entityId=${householdId}`,
      );
      await read(
        `GET /audit by assessment (${role})`,
        token,
        `/api/audit?limit=100&entityId=${started.body.id}`,
      );
      await read(
        `GET /audit by referral (${role})`,
        token,
        `/api/audit?limit=100&entityId=${referralId}`,
      );
    }
    await read('GET /referrals/:id (provider)', providerToken, `/api/referrals/${referralId}`);
    await read('GET /referrals (provider)', providerToken, '/api/referrals?limit=100');

    const leaks = responses.flatMap(({ what, body: b }) =>
      Object.entries(ids).flatMap(([who, id]) => {
        const why = rebuilds(b, id);
        return why ? [`${what}: ${who} — ${why}`] : [];
      }),
    );
    expect(leaks).toEqual([]);

    // The responses do carry the members, masked: the test reads what it means to read.
    const detail = responses.find((r) => r.what === 'GET /households/:id (civil_affairs)')!
      .body as { members: Array<Record<string, unknown>> };
    expect(detail.members).toHaveLength(3);
    for (const m of detail.members) expect(m.idNumber).toMatch(/^\*{14}[0-9]{3}[0-9X]$/);
  });
});
