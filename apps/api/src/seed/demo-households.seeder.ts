import { Injectable } from '@nestjs/common';
import { AreasRepository } from '@onedoor/areas';
import {
  AssessmentsService,
  baselineAnswers,
  type TemplateDefinition,
  HouseholdsRepository,
  HouseholdsService,
  idCheckCharacter,
  normaliseIdNumber,
} from '@onedoor/households';
import { isInScope, PiiCipher, type Principal } from '@onedoor/platform';
import { DEFAULT_TEMPLATE_V1 } from '../../../../migrations/default-assessment-template';
import { DEMO_AREAS } from './demo-data';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '明', '丽', '军', '芳', '伟'];

/** Six profiles, cycled: between them every tier and the outer circle. */
const PROFILES = [
  {
    tier: 'extreme_poverty',
    headEmployment: 'unable_to_work',
    incomeFen: [0],
    answers: {
      no_labour_capacity: true,
      no_supporter: true,
      income_stability: 'none',
      elderly_living_alone: true,
    },
  },
  {
    tier: 'subsistence',
    headEmployment: 'unemployed',
    incomeFen: [60_000, 20_000],
    answers: { income_stability: 'unstable', housing_condition: 'poor' },
  },
  {
    tier: 'low_income',
    headEmployment: 'employed',
    incomeFen: [200_000, 80_000],
    answers: { school_costs_burden: 'moderate' },
  },
  {
    tier: 'expenditure_poverty',
    headEmployment: 'employed',
    incomeFen: [300_000, 100_000],
    medicalExpenseFen: 220_000,
    answers: { chronic_condition: 'severe', monthly_medical_expense_yuan: 2_200 },
  },
  {
    tier: 'emergency',
    headEmployment: 'employed',
    incomeFen: [400_000, 200_000],
    answers: { sudden_event: true },
  },
  {
    tier: null,
    headEmployment: 'employed',
    incomeFen: [250_000, 150_000],
    answers: { wants_training: true },
  },
] as const;

/** Need-producing answers, cycled independently of the profile for a spread of needs. */
const EXTRA_ANSWERS: Array<Record<string, unknown>> = [
  { care_dependency: 'full', needs_rehabilitation: true },
  { mental_distress: 'severe' },
  { school_dropout_risk: true },
  { legal_dispute: true },
  { unemployed_able_members: 1 },
  { social_isolation: 'severe', home_adaptation_needed: true },
  { basic_needs_unmet: true },
  { care_dependency: 'partial', mental_distress: 'mild' },
];

function demoId(index: number, member: number, birthDate: string): string {
  const seq = String(100 + ((index * 3 + member) % 800)).padStart(3, '0');
  const first17 = `110105${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idCheckCharacter(first17);
}

/** About 60 households across the communities, each with a completed assessment. Idempotent by head identity. */
@Injectable()
export class DemoHouseholdsSeeder {
  constructor(
    private readonly households: HouseholdsService,
    private readonly householdsRepo: HouseholdsRepository,
    private readonly assessments: AssessmentsService,
    private readonly areas: AreasRepository,
    private readonly pii: PiiCipher,
  ) {}

  private readonly calm = baselineAnswers(DEFAULT_TEMPLATE_V1 as unknown as TemplateDefinition);

  /**
   * `local` (the demo assessor) registers and assesses the households in their own scope, so
   * those cases open in their caseload as in a real community; `actor` (admin) the others.
   */
  async seed(admin: Principal, local?: Principal, count = 60): Promise<number> {
    const communities = DEMO_AREAS.filter((a) => a.level === 'community');
    let created = 0;
    for (let i = 0; i < count; i += 1) {
      const profile = PROFILES[i % PROFILES.length];
      const headBirth = `${1945 + ((i * 7) % 45)}-0${1 + (i % 9)}-1${i % 10}`;
      const headId = demoId(i, 0, headBirth);
      if (await this.householdsRepo.householdOfHead(this.pii.digest(normaliseIdNumber(headId))))
        continue;
      const community = (await this.areas.findByCode(communities[i % communities.length].code))!;
      const actor = local && isInScope(local, community.path) ? local : admin;
      const members = profile.incomeFen.map((income, m) => ({
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i + m) % GIVEN.length]}`,
        relation: m === 0 ? ('self' as const) : ('spouse' as const),
        idNumber: m === 0 ? headId : demoId(i, m, `${1950 + ((i * 5) % 40)}-1${m}-0${1 + (i % 9)}`),
        employment: m === 0 ? profile.headEmployment : ('unemployed' as const),
        monthlyIncomeFen: income,
        disabilityGrade: i % 11 === 0 ? 2 : 0,
        chronicIllness: profile.tier === 'expenditure_poverty',
      }));
      if (i % 4 === 0) {
        const childBirth = `20${10 + (i % 8)}-0${1 + (i % 9)}-2${i % 8}`;
        members.push({
          name: `${SURNAMES[i % SURNAMES.length]}小${GIVEN[i % GIVEN.length][0]}`,
          relation: 'child' as never,
          idNumber: demoId(i, 5, childBirth),
          employment: 'student',
          monthlyIncomeFen: 0,
          disabilityGrade: 0,
          chronicIllness: false,
          educationStage: 'primary',
        } as never);
      }
      const household = await this.households.register(
        {
          communityId: community.id,
          residency: i % 7 === 0 ? 'non_local' : 'local',
          phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
          tags: i % 5 === 0 ? ['elderly_alone'] : i % 6 === 3 ? ['left_behind_children'] : [],
          medicalExpenseFen: 'medicalExpenseFen' in profile ? profile.medicalExpenseFen : 0,
          members,
        },
        actor,
      );
      const draft = await this.assessments.start(household.id, {}, actor);
      await this.assessments.answer(
        draft.id,
        {
          answers: {
            ...this.calm,
            ...profile.answers,
            ...EXTRA_ANSWERS[i % EXTRA_ANSWERS.length],
          } as never,
        },
        actor,
      );
      await this.assessments.complete(draft.id, {}, actor);
      created += 1;
    }
    return created;
  }
}
