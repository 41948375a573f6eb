import { randomUUID } from 'node:crypto';
import { AccountsModule, PasswordsService, UsersService } from '@onedoor/accounts';
import { TransactionRunner } from '@onedoor/platform';
import { type ServiceContext, startServices } from '../../../tests/service/support/service-context';

// The piece an approved organization application builds on: an organization admin with a
// one-time set-password token, made inside the caller's transaction.
describe(UsersService.name, () => {
  let ctx: ServiceContext;
  let sut: UsersService;

  beforeAll(async () => {
    ctx = await startServices([AccountsModule]);
    sut = ctx.get(UsersService);
  });
  afterAll(() => ctx.close());

  const orgAdminFields = async () => {
    const { district } = await ctx.factory.district();
    const provider = await ctx.factory.provider(district);
    return {
      username: `org.${randomUUID().slice(0, 8)}`,
      displayName: 'Organization admin',
      role: 'provider' as const,
      areaId: district.id,
      providerId: provider.id,
      isOrgAdmin: true,
      evaluatorType: null,
      phone: '13800138000',
    };
  };

  it('makes an organization admin with a set-password token in the caller’s transaction', async () => {
    const fields = await orgAdminFields();
    const { userId, token } = await ctx
      .get(TransactionRunner)
      .run((manager) => sut.insertAccount(fields, null, manager));
    const [row] = await ctx.dataSource.query(
      `SELECT is_org_admin, password_hash, provider_id FROM app_user WHERE id = $1`,
      [userId],
    );
    expect(row).toEqual({
      is_org_admin: true,
      password_hash: null,
      provider_id: fields.providerId,
    });
    await ctx.get(PasswordsService).setWithToken(token!.token, 'Kettle-Mosaic-31-Fjord', {
      address: '127.0.0.1',
      userAgent: null,
    });
    const [after] = await ctx.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [
      userId,
    ]);
    expect(after.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('leaves nothing when the caller’s transaction rolls back', async () => {
    const fields = await orgAdminFields();
    await expect(
      ctx.get(TransactionRunner).run(async (manager) => {
        await sut.insertAccount(fields, null, manager);
        throw new Error('the application approval failed afterwards');
      }),
    ).rejects.toThrow('approval failed');
    const rows = await ctx.dataSource.query(`SELECT 1 FROM app_user WHERE username = $1`, [
      fields.username,
    ]);
    expect(rows).toEqual([]);
    const tokens = await ctx.dataSource.query(
      `SELECT 1 FROM set_password_token t LEFT JOIN app_user u ON u.id = t.user_id WHERE u.id IS NULL`,
    );
    expect(tokens).toEqual([]);
  });
});
