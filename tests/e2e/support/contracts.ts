import type { AreaEntity } from '@onedoor/areas';
import type { ProviderEntity } from '@onedoor/resources';
import type { TestContext } from './test-app';

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A signed, active contract of `provider` for `area`, written directly (project, bid, accepted
 * award, resource, contract; no audit rows): for tests whose subject is what the contract
 * allows, not how it was won. The period runs from `fromDays` to `toDays` days from now.
 */
export async function signedContract(
  ctx: TestContext,
  provider: ProviderEntity,
  area: AreaEntity,
  { fromDays = -30, toDays = 60 } = {},
): Promise<{ id: string; periodEnd: string; areaPath: string }> {
  const now = Date.now();
  const periodStart = isoDate(new Date(now + fromDays * DAY));
  const periodEnd = isoDate(new Date(now + toDays * DAY));
  const staff = await ctx.newUser('civil_affairs', area);
  const project = await ctx.factory.project(area, { status: 'awarded' });
  const resource = await ctx.factory.resource(provider, area);
  const q = (sql: string, params: unknown[]) =>
    ctx.dataSource.query(sql, params) as Promise<Array<{ id: string }>>;
  const [bid] = await q(
    `INSERT INTO bid (project_id, provider_id, price_fen, proposal, team, submitted_by_id)
     VALUES ($1, $2, 800000, '服务方案', '{}'::jsonb, $3) RETURNING id`,
    [project.id, provider.id, staff.id],
  );
  const [award] = await q(
    `INSERT INTO award (project_id, bid_id, provider_id, status, rank, total_score, value_fen,
                        justification, awarded_by_id, respond_by, responded_at)
     VALUES ($1, $2, $3, 'accepted', 1, 80, 800000, '综合得分第一', $4, now(), now()) RETURNING id`,
    [project.id, bid.id, provider.id, staff.id],
  );
  const [contract] = await q(
    `INSERT INTO contract (project_id, award_id, provider_id, resource_id, title, area_path,
                           value_fen, period_start, period_end, status, signed_at)
     VALUES ($1, $2, $3, $4, '社区救助顾问服务项目', $5, 800000, $6, $7, 'active', now())
     RETURNING id`,
    [project.id, award.id, provider.id, resource.id, area.path, periodStart, periodEnd],
  );
  return { id: contract.id, periodEnd, areaPath: area.path };
}

/** A social-work organization with a logged-in organization admin. */
export async function socialWorkOrgWithAdmin(ctx: TestContext, home: AreaEntity) {
  const provider = await ctx.newProvider(home, { kind: 'social_work_org' });
  const admin = await ctx.newUser('provider', home, provider.id);
  await ctx.dataSource.query(`UPDATE app_user SET is_org_admin = true WHERE id = $1`, [admin.id]);
  return { provider, adminToken: `Bearer ${await ctx.login(admin.username)}` };
}
