import { judgePassword } from './password-policy';

describe(judgePassword.name, () => {
  it('refuses a short password by length', () => {
    expect(judgePassword('Xq7!pL2')).toEqual({ ok: false, rule: 'min_length' });
  });

  it('refuses a long but commonly breached password by strength', () => {
    expect(judgePassword('password123456')).toMatchObject({ ok: false, rule: 'min_strength' });
    expect(judgePassword('qwertyuiop1')).toMatchObject({ ok: false, rule: 'min_strength' });
  });

  it("penalises the account's own words", () => {
    expect(judgePassword('wangxiaoming88')).toMatchObject({ ok: true });
    expect(judgePassword('wangxiaoming88', ['wangxiaoming'])).toMatchObject({
      ok: false,
      rule: 'min_strength',
    });
  });

  it('accepts a long random password', () => {
    expect(judgePassword('t7Kp-w9Qz_m3Rv')).toMatchObject({ ok: true });
  });
});
