import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity numbers were stored masked as region and last four (`110105********002X`); with the
 * birth date beside them that was the whole number. Keep only the last four. Not reversible in
 * data: the region is gone from this column (the ciphertext `id_enc` still holds the number),
 * so `down` leaves the rows as they are.
 */
export class MaskIdLastFour1764620000000 implements MigrationInterface {
  name = 'MaskIdLastFour1764620000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE "household_member"
          SET "id_masked" = repeat('*', greatest(length("id_masked") - 4, 0)) || right("id_masked", 4)
        WHERE "id_masked" !~ '^\\*+.{4}$'`,
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo in the schema; the region cannot be put back from this column.
  }
}
