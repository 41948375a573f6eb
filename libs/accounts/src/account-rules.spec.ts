import type { Principal } from '@onedoor/platform';
import { mayManage } from './account-rules';

const district = '/c/d/';
const street1 = '/c/d/s1/';
const street2 = '/c/d/s2/';
const who = (over: Partial<Principal>): Principal => ({
  userId: 'u',
  username: 'u',
  role: 'civil_affairs',
  areaId: 'a',
  areaPath: street1,
  providerId: null,
  ...over,
});

describe(mayManage.name, () => {
  const streetOfficer = who({});

  it('lets civil-affairs staff manage staff, assessors and evaluators inside their subtree', () => {
    for (const role of ['civil_affairs', 'assessor', 'evaluator'] as const) {
      expect(mayManage(streetOfficer, { role, areaPath: street1, providerId: null })).toBe(true);
      expect(mayManage(streetOfficer, { role, areaPath: `${street1}k/`, providerId: null })).toBe(
        true,
      );
    }
  });

  it('refuses them a scope above their own, another street, or admin and provider accounts', () => {
    const place = { providerId: null };
    expect(mayManage(streetOfficer, { role: 'civil_affairs', areaPath: district, ...place })).toBe(
      false,
    );
    expect(mayManage(streetOfficer, { role: 'assessor', areaPath: street2, ...place })).toBe(false);
    expect(mayManage(streetOfficer, { role: 'admin', areaPath: street1, ...place })).toBe(false);
    expect(mayManage(streetOfficer, { role: 'provider', areaPath: street1, ...place })).toBe(false);
    expect(mayManage(streetOfficer, { role: 'assessor', areaPath: null, ...place })).toBe(false);
  });

  it('lets an organization admin manage their own organization and its contracted workers only', () => {
    const orgAdmin = who({ role: 'provider', providerId: 'p1', isOrgAdmin: true });
    expect(mayManage(orgAdmin, { role: 'provider', areaPath: district, providerId: 'p1' })).toBe(
      true,
    );
    expect(mayManage(orgAdmin, { role: 'provider', areaPath: district, providerId: 'p2' })).toBe(
      false,
    );
    // Their contracted workers (assessors affiliated to them), not an unaffiliated assessor.
    expect(mayManage(orgAdmin, { role: 'assessor', areaPath: district, providerId: 'p1' })).toBe(
      true,
    );
    expect(mayManage(orgAdmin, { role: 'assessor', areaPath: district, providerId: null })).toBe(
      false,
    );
    expect(
      mayManage(orgAdmin, { role: 'civil_affairs', areaPath: district, providerId: 'p1' }),
    ).toBe(false);
    const plainProvider = who({ role: 'provider', providerId: 'p1', isOrgAdmin: false });
    expect(
      mayManage(plainProvider, { role: 'provider', areaPath: district, providerId: 'p1' }),
    ).toBe(false);
  });

  it('lets admin manage everyone and assessors no one', () => {
    const admin = who({ role: 'admin', areaPath: null });
    expect(mayManage(admin, { role: 'admin', areaPath: null, providerId: null })).toBe(true);
    const assessor = who({ role: 'assessor' });
    expect(mayManage(assessor, { role: 'assessor', areaPath: street1, providerId: null })).toBe(
      false,
    );
  });
});
