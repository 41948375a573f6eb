import type { OcdsInput } from './ocds-input';
import { ocdsPackageValidator } from './ocds-schema';
import { toOcdsReleasePackage } from './ocds.mapper';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PROJECT_ID = '6f1c2b8e-0d4a-4c55-9a51-2f3e4d5c6b7a';
const BUYER = { id: 'b0000000-0000-4000-8000-000000000001', name: '示范区民政局' };
const A = { id: 'a0000000-0000-4000-8000-00000000000a', name: '暖阳社会工作服务中心' };
const B = { id: 'a0000000-0000-4000-8000-00000000000b', name: '同心社会工作服务社' };
const t = (iso: string) => new Date(iso);

/** An awarded project: 2 bids, A's award declined, B's accepted, B's contract half paid. */
function awardedInput(): OcdsInput {
  return {
    ocidPrefix: 'ocds-od1234',
    publisher: { name: 'OneDoor 示范区', uri: 'https://onedoor.example.gov.cn/' },
    generatedAt: t('2025-07-10T08:00:00.000Z'),
    buyer: BUYER,
    project: {
      id: PROJECT_ID,
      title: '困境家庭儿童关爱服务项目',
      description: '为辖区困境家庭儿童提供个案管理、学业支持与家庭辅导服务。',
      categoryCode: 'child_care',
      areaId: 'c0000000-0000-4000-8000-000000000001',
      areaName: '示范区东街道',
      budgetFen: 50_000_000,
      targetHouseholds: 120,
      serviceStart: '2025-04-01',
      serviceEnd: '2025-12-31',
      status: 'awarded',
      createdAt: t('2025-03-01T02:00:00.000Z'),
      publishedAt: t('2025-03-02T01:00:00.000Z'),
      closesAt: t('2025-03-16T01:00:00.000Z'),
      closedAt: t('2025-03-16T01:00:05.000Z'),
      updatedAt: t('2025-03-22T03:00:00.000Z'),
      endReason: null,
      criteria: [
        { code: 'price', name: '价格', weight: 30 },
        { code: 'professional_qualification', name: '专业资质', weight: 20 },
        { code: 'internal_governance', name: '内部治理', weight: 15 },
        { code: 'human_resources', name: '人力资源', weight: 15 },
        { code: 'service_proposal', name: '服务方案', weight: 20 },
      ],
      requirements: { minCertifiedSocialWorkers: 3, minYearsOperating: 2, verifiedOnly: true },
    },
    biddingClosed: true,
    bids: [
      {
        id: 'd0000000-0000-4000-8000-0000000000a1',
        providerId: A.id,
        providerName: A.name,
        priceFen: 45_000_000,
        qualification: 'qualified',
        submittedAt: t('2025-03-10T06:00:00.000Z'),
      },
      {
        id: 'd0000000-0000-4000-8000-0000000000b1',
        providerId: B.id,
        providerName: B.name,
        priceFen: 48_000_050,
        qualification: 'qualified',
        submittedAt: t('2025-03-12T06:00:00.000Z'),
      },
    ],
    awards: [
      {
        id: 'e0000000-0000-4000-8000-0000000000a1',
        bidId: 'd0000000-0000-4000-8000-0000000000a1',
        providerId: A.id,
        providerName: A.name,
        status: 'declined',
        valueFen: 45_000_000,
        justification: '综合得分第一',
        createdAt: t('2025-03-20T02:00:00.000Z'),
        respondedAt: t('2025-03-21T02:00:00.000Z'),
      },
      {
        id: 'e0000000-0000-4000-8000-0000000000b1',
        bidId: 'd0000000-0000-4000-8000-0000000000b1',
        providerId: B.id,
        providerName: B.name,
        status: 'accepted',
        valueFen: 48_000_050,
        justification: '第一名放弃后，综合得分第二',
        createdAt: t('2025-03-22T03:00:00.000Z'),
        respondedAt: t('2025-03-23T02:00:00.000Z'),
      },
    ],
    contracts: [
      {
        id: 'f0000000-0000-4000-8000-000000000001',
        awardId: 'e0000000-0000-4000-8000-0000000000b1',
        title: '困境家庭儿童关爱服务合同',
        valueFen: 48_000_050,
        status: 'active',
        periodStart: '2025-04-01',
        periodEnd: '2025-12-31',
        signedAt: t('2025-03-25T02:00:00.000Z'),
        endedAt: null,
        milestones: [
          {
            id: 'f1000000-0000-4000-8000-000000000001',
            deliverable: '中期评估报告',
            dueDate: '2025-06-30',
            sharePercent: 40,
            amountFen: 19_200_020,
            outcome: 'met',
            decidedAt: t('2025-07-02T02:00:00.000Z'),
          },
          {
            id: 'f1000000-0000-4000-8000-000000000002',
            deliverable: '结项评估报告',
            dueDate: '2025-12-31',
            sharePercent: 60,
            amountFen: 28_800_030,
            outcome: 'scheduled',
            decidedAt: null,
          },
        ],
        payments: [
          {
            id: 'f2000000-0000-4000-8000-000000000001',
            milestoneId: 'f1000000-0000-4000-8000-000000000001',
            amountFen: 19_200_020,
            paidAt: t('2025-07-05T02:00:00.000Z'),
            payeeId: B.id,
            payeeName: B.name,
          },
        ],
      },
    ],
  };
}

/** Published, bidding still open: bids are sealed. One is passed anyway, to prove it stays out. */
function publishedInput(): OcdsInput {
  const input = awardedInput();
  return {
    ...input,
    project: {
      ...input.project,
      status: 'published',
      closedAt: null,
      updatedAt: input.project.publishedAt!,
    },
    biddingClosed: false,
    bids: [input.bids[0]],
    awards: [],
    contracts: [],
  };
}

function failedInput(): OcdsInput {
  const input = awardedInput();
  return {
    ...input,
    project: {
      ...input.project,
      status: 'failed',
      updatedAt: t('2025-03-18T02:00:00.000Z'),
      endReason: 'fewer than 3 qualified bids',
    },
    bids: [{ ...input.bids[0], qualification: 'disqualified' }],
    awards: [],
    contracts: [],
  };
}

function cancelledInput(): OcdsInput {
  const input = publishedInput();
  return {
    ...input,
    project: {
      ...input.project,
      status: 'cancelled',
      updatedAt: t('2025-03-05T02:00:00.000Z'),
      endReason: 'budget withdrawn',
    },
    bids: [],
  };
}

const tags = (pkg: Json) => pkg.releases.map((r: Json) => r.tag);
const last = (pkg: Json): Json => pkg.releases.at(-1);

describe('toOcdsReleasePackage', () => {
  const validate = ocdsPackageValidator();
  const ocid = `ocds-od1234-${PROJECT_ID}`;

  it('maps an awarded, half-paid project to a package that validates against OCDS 1.1', () => {
    const pkg: Json = toOcdsReleasePackage(awardedInput());
    const result = validate(pkg);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);

    expect(pkg).toMatchObject({
      uri: `https://onedoor.example.gov.cn/procurement/projects/${PROJECT_ID}/ocds`,
      version: '1.1',
      publishedDate: '2025-07-10T08:00:00.000Z',
      publisher: { name: 'OneDoor 示范区', uri: 'https://onedoor.example.gov.cn/' },
    });
    expect(tags(pkg)).toEqual([
      ['tender'],
      ['tenderUpdate'],
      ['award'],
      ['contract'],
      ['implementation'],
    ]);
    for (const r of pkg.releases) expect(r).toMatchObject({ ocid, initiationType: 'tender' });
    const ids = pkg.releases.map((r: Json) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(`${ocid}-tender`);
    expect(pkg.releases.map((r: Json) => r.date)).toEqual([
      '2025-03-02T01:00:00.000Z',
      '2025-03-16T01:00:05.000Z',
      '2025-03-23T02:00:00.000Z',
      '2025-03-25T02:00:00.000Z',
      '2025-07-05T02:00:00.000Z',
    ]);
    expect(pkg.releases.map((r: Json) => r.tender.status)).toEqual([
      'active',
      'active',
      'complete',
      'complete',
      'complete',
    ]);

    const final = last(pkg);
    expect(final.buyer).toEqual(BUYER);
    expect(final.tender).toMatchObject({
      id: PROJECT_ID,
      status: 'complete',
      value: { amount: 500_000, currency: 'CNY' },
      procurementMethod: 'open',
      mainProcurementCategory: 'services',
      awardCriteria: 'ratedCriteria',
      numberOfTenderers: 2,
      tenderers: [A, B],
      tenderPeriod: { startDate: '2025-03-02T01:00:00.000Z', endDate: '2025-03-16T01:00:00.000Z' },
      contractPeriod: {
        startDate: '2025-04-01T00:00:00+08:00',
        endDate: '2025-12-31T23:59:59+08:00',
      },
      items: [
        {
          id: '1',
          quantity: 120,
          unit: { name: '户' },
          classification: { scheme: 'x_onedoor_category', id: 'child_care' },
        },
      ],
    });
    expect(final.tender.awardCriteriaDetails).toContain('价格（price）30%');
    expect(final.bids.details).toHaveLength(2);
    expect(final.bids.details[1]).toMatchObject({
      status: 'valid',
      tenderers: [B],
      value: { amount: 480_000.5, currency: 'CNY' },
    });
    expect(final.bids.statistics).toContainEqual({
      id: '5',
      measure: 'lowestValidBidValue',
      value: 450_000,
      currency: 'CNY',
    });
    expect(final.awards.map((a: Json) => [a.status, a.suppliers])).toEqual([
      ['cancelled', [A]],
      ['active', [B]],
    ]);

    const contract = final.contracts[0];
    expect(contract).toMatchObject({
      awardID: 'e0000000-0000-4000-8000-0000000000b1',
      status: 'active',
      value: { amount: 480_000.5, currency: 'CNY' },
      dateSigned: '2025-03-25T02:00:00.000Z',
    });
    expect(contract.milestones.map((m: Json) => [m.status, m.dateMet])).toEqual([
      ['met', '2025-07-02T02:00:00.000Z'],
      ['scheduled', undefined],
    ]);
    expect(contract.implementation.milestones.map((m: Json) => m.id)).toEqual([
      'f1000000-0000-4000-8000-000000000001',
    ]);
    const transaction = contract.implementation.transactions[0];
    expect(transaction.value.amount).toBe(19_200_020 / 100);
    expect(transaction).toMatchObject({ payer: BUYER, payee: B, value: { currency: 'CNY' } });

    expect(final.parties).toEqual([
      { ...BUYER, roles: ['buyer', 'procuringEntity', 'payer'] },
      { ...A, roles: ['tenderer', 'supplier'] },
      { ...B, roles: ['tenderer', 'supplier', 'payee'] },
    ]);
  });

  it('makes each release a snapshot of what was known at its date', () => {
    const [tender, closed, award, contract]: Json[] = toOcdsReleasePackage(awardedInput())
      .releases as Json[];
    expect(tender.bids).toBeUndefined();
    expect(closed.bids.details).toHaveLength(2);
    expect(closed.awards).toBeUndefined();
    expect(award.awards.map((a: Json) => a.status)).toEqual(['cancelled', 'active']);
    expect(award.contracts).toBeUndefined();
    expect(contract.contracts[0].implementation).toBeUndefined();
    expect(contract.contracts[0].milestones.map((m: Json) => m.status)).toEqual([
      'scheduled',
      'scheduled',
    ]);
    expect(contract.parties.map((p: Json) => p.roles)).toEqual([
      ['buyer', 'procuringEntity'],
      ['tenderer', 'supplier'],
      ['tenderer', 'supplier'],
    ]);
  });

  it('keeps sealed bids out of a project still open for bidding', () => {
    const pkg: Json = toOcdsReleasePackage(publishedInput());
    expect(validate(pkg).errors).toEqual([]);
    expect(tags(pkg)).toEqual([['tender']]);
    const only = last(pkg);
    expect(only.tender.status).toBe('active');
    expect(only.bids).toBeUndefined();
    expect(only.tender.tenderers).toBeUndefined();
    expect(only.tender.numberOfTenderers).toBeUndefined();
    expect(only.parties).toEqual([{ ...BUYER, roles: ['buyer', 'procuringEntity'] }]);
    const text = JSON.stringify(pkg);
    expect(text).not.toContain(A.id);
    expect(text).not.toContain(A.name);
  });

  it('ends a failed project with an unsuccessful tenderUpdate', () => {
    const pkg: Json = toOcdsReleasePackage(failedInput());
    expect(validate(pkg).errors).toEqual([]);
    expect(tags(pkg)).toEqual([['tender'], ['tenderUpdate'], ['tenderUpdate']]);
    expect(pkg.releases.map((r: Json) => r.tender.status)).toEqual([
      'active',
      'active',
      'unsuccessful',
    ]);
    expect(last(pkg)).toMatchObject({
      id: `${ocid}-unsuccessful`,
      date: '2025-03-18T02:00:00.000Z',
    });
    expect(last(pkg).bids.details[0].status).toBe('disqualified');
  });

  it('ends a cancelled project with a tenderCancellation', () => {
    const pkg: Json = toOcdsReleasePackage(cancelledInput());
    expect(validate(pkg).errors).toEqual([]);
    expect(tags(pkg)).toEqual([['tender'], ['tenderCancellation']]);
    expect(last(pkg).tender.status).toBe('cancelled');
    expect(last(pkg).bids).toBeUndefined();
  });

  it('refuses a project that was never published (a package needs a release)', () => {
    const input = awardedInput();
    const draft: OcdsInput = {
      ...input,
      project: { ...input.project, status: 'draft', publishedAt: null, closesAt: null },
      biddingClosed: false,
      bids: [],
      awards: [],
      contracts: [],
    };
    expect(() => toOcdsReleasePackage(draft)).toThrow(/never published/);
  });

  it('falls back to the default publisher address for the package uri', () => {
    const input = { ...publishedInput(), publisher: { name: 'OneDoor' } };
    const pkg: Json = toOcdsReleasePackage(input);
    expect(pkg.uri).toBe(`https://onedoor.example/procurement/projects/${PROJECT_ID}/ocds`);
    expect(pkg.publisher).toEqual({ name: 'OneDoor' });
    expect(validate(pkg).valid).toBe(true);
  });
});

describe('ocdsPackageValidator', () => {
  const validate = ocdsPackageValidator();

  it('rejects a release without an ocid', () => {
    const pkg: Json = toOcdsReleasePackage(awardedInput());
    delete pkg.releases[0].ocid;
    const result = validate(pkg);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain('ocid');
  });

  it('rejects codes outside closed codelists, non-URI addresses and an empty package', () => {
    const pkg: Json = toOcdsReleasePackage(awardedInput());
    pkg.releases[1].tender.status = 'awarded';
    pkg.releases[4].contracts[0].milestones[0].status = 'partially_met';
    pkg.releases[4].contracts[0].dateSigned = '2025-03-25';
    expect(validate(pkg).errors.map((e) => e.split(' ')[0])).toEqual(
      expect.arrayContaining([
        '/releases/1/tender/status',
        '/releases/4/contracts/0/milestones/0/status',
        '/releases/4/contracts/0/dateSigned',
      ]),
    );
    expect(validate({ ...pkg, releases: [] }).valid).toBe(false);
    expect(validate({ ...toOcdsReleasePackage(awardedInput()), uri: 'not a uri' }).valid).toBe(
      false,
    );
  });
});
