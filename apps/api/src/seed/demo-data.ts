import type { AreaBoundary } from '@onedoor/areas';
import type { EvaluatorType, Role } from '@onedoor/platform';

/** Demo only: every demo user signs in with this. */
export const DEMO_PASSWORD = 'onedoor-demo';

export interface DemoArea {
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parent?: string;
  minimumLivingStandardFen?: number;
  boundary?: AreaBoundary;
}

/** A closed rectangle, west/south/east/north in degrees: the demo's outlines are a grid. */
export function rectangle(w: number, s: number, e: number, n: number): AreaBoundary {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

// The district spans 116.30–116.54 E, 39.86–39.94 N: each street a column, its communities
// stacked south to north inside it.
const SOUTH = 39.86;
const NORTH = 39.94;
const street = (w: number, e: number) => rectangle(w, SOUTH, e, NORTH);
const community = (w: number, e: number, i: number, of: number) => {
  const h = (NORTH - SOUTH) / of;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return rectangle(w, round(SOUTH + i * h), e, round(SOUTH + (i + 1) * h));
};

/** One city, one district (低保标准 1,100 yuan per person per month), 3 streets, 7 communities. */
export const DEMO_AREAS: DemoArea[] = [
  { code: 'DEMO-C', name: '示范市', level: 'city' },
  {
    code: 'DEMO-C-D1',
    name: '和平区',
    level: 'district',
    parent: 'DEMO-C',
    minimumLivingStandardFen: 110_000,
  },
  {
    code: 'DEMO-C-D1-S1',
    name: '新华街道',
    level: 'street',
    parent: 'DEMO-C-D1',
    boundary: street(116.3, 116.38),
  },
  {
    code: 'DEMO-C-D1-S1-C1',
    name: '光明社区',
    level: 'community',
    parent: 'DEMO-C-D1-S1',
    boundary: community(116.3, 116.38, 0, 3),
  },
  {
    code: 'DEMO-C-D1-S1-C2',
    name: '东风社区',
    level: 'community',
    parent: 'DEMO-C-D1-S1',
    boundary: community(116.3, 116.38, 1, 3),
  },
  {
    code: 'DEMO-C-D1-S1-C3',
    name: '朝阳社区',
    level: 'community',
    parent: 'DEMO-C-D1-S1',
    boundary: community(116.3, 116.38, 2, 3),
  },
  {
    code: 'DEMO-C-D1-S2',
    name: '长安街道',
    level: 'street',
    parent: 'DEMO-C-D1',
    boundary: street(116.38, 116.44),
  },
  {
    code: 'DEMO-C-D1-S2-C1',
    name: '和谐社区',
    level: 'community',
    parent: 'DEMO-C-D1-S2',
    boundary: community(116.38, 116.44, 0, 2),
  },
  {
    code: 'DEMO-C-D1-S2-C2',
    name: '幸福社区',
    level: 'community',
    parent: 'DEMO-C-D1-S2',
    boundary: community(116.38, 116.44, 1, 2),
  },
  {
    code: 'DEMO-C-D1-S3',
    name: '青山镇',
    level: 'street',
    parent: 'DEMO-C-D1',
    boundary: street(116.44, 116.54),
  },
  {
    code: 'DEMO-C-D1-S3-C1',
    name: '青山村',
    level: 'community',
    parent: 'DEMO-C-D1-S3',
    boundary: community(116.44, 116.54, 0, 2),
  },
  {
    code: 'DEMO-C-D1-S3-C2',
    name: '绿水村',
    level: 'community',
    parent: 'DEMO-C-D1-S3',
    boundary: community(116.44, 116.54, 1, 2),
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Area code of the user's scope; none for admin. */
  area?: string;
  /** Provider users who manage their organization's accounts. */
  isOrgAdmin?: boolean;
  evaluatorType?: EvaluatorType;
}

/** One user per role, as DESIGN.md lists them. Provider users get their organization once providers exist. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '平台管理员', role: 'admin' },
  {
    username: 'civil.district',
    displayName: '和平区民政局',
    role: 'civil_affairs',
    area: 'DEMO-C-D1',
  },
  {
    username: 'civil.street',
    displayName: '新华街道办',
    role: 'civil_affairs',
    area: 'DEMO-C-D1-S1',
  },
  { username: 'assessor', displayName: '光明社区社工', role: 'assessor', area: 'DEMO-C-D1-S1' },
  {
    username: 'charity',
    displayName: '慈善会联络员',
    role: 'provider',
    area: 'DEMO-C-D1',
    isOrgAdmin: true,
  },
  { username: 'enterprise', displayName: '爱心企业联络员', role: 'provider', area: 'DEMO-C-D1' },
  {
    username: 'swo',
    displayName: '社工机构联络员',
    role: 'provider',
    area: 'DEMO-C-D1',
    isOrgAdmin: true,
  },
  // A village/community information officer (信息员): reports leads, sees their outcome only.
  {
    username: 'reporter',
    displayName: '光明社区网格员',
    role: 'reporter',
    area: 'DEMO-C-D1-S1-C1',
  },
  // The types they sit on the demo panels with (demo-procurement.seeder.ts).
  {
    username: 'evaluator1',
    displayName: '评估专家一',
    role: 'evaluator',
    area: 'DEMO-C-D1',
    evaluatorType: 'third_party',
  },
  {
    username: 'evaluator2',
    displayName: '评估专家二',
    role: 'evaluator',
    area: 'DEMO-C-D1',
    evaluatorType: 'recipient_representative',
  },
  {
    username: 'evaluator3',
    displayName: '评估专家三',
    role: 'evaluator',
    area: 'DEMO-C-D1',
    evaluatorType: 'third_party',
  },
];
