import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * need.match_rejections becomes grouped: one entry per identical exclusion with the resources
 * it excluded (`{reason, failed?, detail?, stacking?, resourceIds: [...]}`) instead of one
 * entry per candidate (`{resourceId, reason, …}`). The matcher writes the new form; rows
 * written before are regrouped here, keeping candidate order within a group and groups in the
 * order of their first candidate. `down` expands them back, in resource id order (as the matcher
 * wrote them: its candidates were sorted by id).
 */
export class GroupedRejections1766100000000 implements MigrationInterface {
  name = 'GroupedRejections1766100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE need n SET match_rejections = g.grouped
        FROM (
          SELECT x.id, jsonb_agg(grp.entry ORDER BY grp.first) AS grouped
            FROM need x
            CROSS JOIN LATERAL (
              SELECT (e.elem - 'resourceId')
                       || jsonb_build_object('resourceIds', jsonb_agg(e.elem -> 'resourceId' ORDER BY e.ord)) AS entry,
                     min(e.ord) AS first
                FROM jsonb_array_elements(x.match_rejections) WITH ORDINALITY AS e(elem, ord)
               GROUP BY e.elem - 'resourceId'
            ) grp
           WHERE jsonb_typeof(x.match_rejections) = 'array'
             AND x.match_rejections -> 0 ? 'resourceId'
           GROUP BY x.id
        ) g
       WHERE n.id = g.id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE need n SET match_rejections = f.flat
        FROM (
          SELECT x.id,
                 jsonb_agg(jsonb_build_object('resourceId', r.id) || (g.elem - 'resourceIds') ORDER BY r.id #>> '{}' COLLATE "C") AS flat
            FROM need x
            CROSS JOIN LATERAL jsonb_array_elements(x.match_rejections) WITH ORDINALITY AS g(elem, ord)
            CROSS JOIN LATERAL jsonb_array_elements(g.elem -> 'resourceIds') WITH ORDINALITY AS r(id, ord)
           WHERE jsonb_typeof(x.match_rejections) = 'array'
             AND x.match_rejections -> 0 ? 'resourceIds'
           GROUP BY x.id
        ) f
       WHERE n.id = f.id`);
  }
}
