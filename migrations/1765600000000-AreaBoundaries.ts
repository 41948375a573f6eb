import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Areas gain an optional outline (issue 20's dashboard map): a GeoJSON Polygon or MultiPolygon
 * that the areas service validates before writing; null until someone draws it.
 */
export class AreaBoundaries1765600000000 implements MigrationInterface {
  name = 'AreaBoundaries1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "area" ADD "boundary" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "area" DROP COLUMN "boundary"`);
  }
}
