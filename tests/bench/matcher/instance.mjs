// Builds the benchmark instance straight in SQL (generate_series), not through the API: a
// district of 10 streets × 10 communities, one verified provider, R resources with realistic
// rules and capacities, H households each with a completed assessment and 1–4 open needs.
import { randomUUID } from 'node:crypto';

export const CATEGORIES = [
  'basic_living',
  'medical',
  'education',
  'housing',
  'employment',
  'care',
  'rehabilitation',
  'psychological',
  'social_integration',
  'legal_aid',
  'emergency',
  'elderly_smart_care',
];

const RULES = [
  null,
  { tier: { in: ['subsistence', 'extreme_poverty'] } },
  { memberAge: { min: 60 } },
  { all: [{ perCapitaIncomeRatio: { max: 1.5 } }, { residency: { in: ['local'] } }] },
  { any: [{ hasDisability: true }, { hasChronicIllness: true }] },
  { childrenInSchool: { min: 1 } },
];

/**
 * How resources spread over the service levels:
 * - `wide`: a third each at community, street and district level (every need of the district
 *   sees the district-wide third: ~150 candidates per need at 5,000 resources);
 * - `local`: as in the demo and in a real district, most help is near: 60% community, 30%
 *   street, 10% district (~55 candidates per need).
 */
export const MIXES = {
  wide: `(ARRAY['community','street','district']::service_level[])[1 + ((i / 12) % 3)]`,
  local: `(CASE WHEN (i / 12) % 10 < 6 THEN 'community' WHEN (i / 12) % 10 < 9 THEN 'street' ELSE 'district' END)::service_level`,
};

export async function buildInstance(client, { households, resources, mix = 'wide' }) {
  const level = MIXES[mix];
  if (!level) throw new Error(`unknown mix ${mix}: ${Object.keys(MIXES).join(', ')}`);
  const tag = randomUUID().slice(0, 8);
  const city = randomUUID();
  const district = randomUUID();
  const areas = [
    [city, null, 'city', `/${city}/`, null],
    [district, city, 'district', `/${city}/${district}/`, 110000],
  ];
  const streets = [];
  const communities = [];
  for (let s = 0; s < 10; s += 1) {
    const street = randomUUID();
    streets.push([street, `/${city}/${district}/${street}/`]);
    areas.push([street, district, 'street', `/${city}/${district}/${street}/`, null]);
    for (let c = 0; c < 10; c += 1) {
      const community = randomUUID();
      const path = `/${city}/${district}/${street}/${community}/`;
      communities.push([community, path]);
      areas.push([community, street, 'community', path, null]);
    }
  }
  for (const [id, parent, level, path, standard] of areas) {
    await client.query(
      `INSERT INTO area (id, parent_id, level, code, name, path, minimum_living_standard_fen) VALUES ($1, $2, $3, $4, $4, $5, $6)`,
      [id, parent, level, `BM-${tag}-${id.slice(0, 8)}`, path, standard],
    );
  }
  const [{ id: provider }] = (
    await client.query(
      `INSERT INTO provider (kind, name, uscc, home_area_id, verification, rating) VALUES ('charity', 'bench', $1, $2, 'verified', 80) RETURNING id`,
      [
        // Unique per run; the database keeps codes, the API is what checks them.
        `BM${tag}`.toUpperCase().padEnd(18, '0').slice(0, 18),
        district,
      ],
    )
  ).rows;

  // Resources at the mix's service levels, each covering an area of its level.
  await client.query(
    `INSERT INTO resource (provider_id, title, category_code, form, service_level, coverage_area_id, capacity, value_per_unit_fen,
                           valid_from, eligibility, status, published_at)
     SELECT $1, 'bench ' || i, ($2::text[])[1 + (i % 12)],
            (ARRAY['cash','in_kind','service']::resource_form[])[1 + (i % 3)],
            l.level,
            CASE l.level WHEN 'community' THEN ($3::uuid[])[1 + (i % 100)] WHEN 'street' THEN ($4::uuid[])[1 + (i % 10)] ELSE $5::uuid END,
            10 + (i * 37) % 190,
            CASE WHEN i % 3 = 2 THEN NULL ELSE 20000 + (i * 7919) % 300000 END,
            '2026-01-01', ($6::jsonb[])[1 + (i % 6)], 'published', now()
       FROM generate_series(0, $7 - 1) AS i, LATERAL (SELECT ${level} AS level) AS l`,
    [
      provider,
      CATEGORIES,
      communities.map((c) => c[0]),
      streets.map((s) => s[0]),
      district,
      RULES.map((r) => JSON.stringify(r)),
      resources,
    ],
  );

  const [{ id: template }] = (
    await client.query(`SELECT id FROM assessment_template ORDER BY version LIMIT 1`)
  ).rows;
  await client.query(
    `INSERT INTO household (id, community_id, residency, tier, circle, status)
     SELECT md5('${tag}h' || i)::uuid, ($1::uuid[])[1 + (i % 100)], 'local',
            (ARRAY['extreme_poverty','subsistence','low_income','expenditure_poverty','emergency']::household_tier[])[1 + (i % 5)],
            1 + (i % 4), 'active'
       FROM generate_series(0, $2 - 1) AS i`,
    [communities.map((c) => c[0]), households],
  );
  await client.query(
    `INSERT INTO assessment (id, household_id, template_id, status, assessor_id, tier, circle, completed_at, match_enqueued_at, facts_snapshot)
     SELECT md5('${tag}a' || i)::uuid, md5('${tag}h' || i)::uuid, $1, 'completed', $1, h.tier, h.circle, now(), now(),
            jsonb_build_object('eligibility', jsonb_build_object(
              'tier', h.tier, 'circle', h.circle, 'perCapitaIncomeRatio', (i % 20) / 10.0,
              'memberAges', jsonb_build_array(30 + (i % 60), 5 + (i % 15)), 'hasDisability', i % 7 = 0,
              'hasChronicIllness', i % 5 = 0, 'residency', 'local', 'householdSize', 2,
              'childrenInSchool', i % 3, 'tags', '[]'::jsonb))
       FROM generate_series(0, $2 - 1) AS i JOIN household h ON h.id = md5('${tag}h' || i)::uuid`,
    [template, households],
  );
  // 1–4 needs per household (2.5 on average), categories spread over the taxonomy.
  await client.query(
    `INSERT INTO need (household_id, assessment_id, category_code, severity, urgency, source)
     SELECT md5('${tag}h' || i)::uuid, md5('${tag}a' || i)::uuid, ($1::text[])[1 + ((i * 5 + k * 7) % 12)],
            1 + ((i + k) % 5), (ARRAY['normal','normal','urgent','emergency']::need_urgency[])[1 + ((i + k) % 4)], 'bench'
       FROM generate_series(0, $2 - 1) AS i, generate_series(0, 3) AS k
      WHERE k < 1 + (i % 4)`,
    [CATEGORIES, households],
  );
  const { rows } = await client.query(
    `SELECT count(*)::int AS needs FROM need WHERE source = 'bench' AND household_id IN (SELECT id FROM household WHERE community_id = ANY($1))`,
    [communities.map((c) => c[0])],
  );
  const { rows: ids } = await client.query(
    `SELECT id FROM household WHERE community_id = ANY($1)`,
    [communities.map((c) => c[0])],
  );
  return { tag, needs: rows[0].needs, householdIds: ids.map((r) => r.id), communities, district };
}
