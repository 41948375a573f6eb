/** Runs one statement and resolves to its rows (a pg client's: `(await c.query(…)).rows`). */
export type QueryRows = (sql: string, params: unknown[]) => Promise<Array<{ id: string }>>;

/**
 * A finished (`done`) assistance import by that user, for ledger rows written by hand with
 * `source = 'import'`: their `import_id` must name a real import. Resolves to its id. The actor
 * is the user as an import records them. Free of the app's modules, so the browser tests can
 * use it too.
 */
export async function finishedAssistanceImport(
  query: QueryRows,
  userId: string,
  grantedBy = '和平区民政局',
): Promise<string> {
  const rows = await query(
    `INSERT INTO assistance_import (user_id, actor, granted_by, defaults, format, status, finished_at)
     SELECT u.id,
            jsonb_build_object('userId', u.id, 'username', u.username, 'role', u.role,
                               'areaId', u.area_id, 'areaPath', a.path, 'providerId', u.provider_id),
            $2::text, '{}'::jsonb, 'xlsx', 'done', now()
       FROM app_user u LEFT JOIN area a ON a.id = u.area_id
      WHERE u.id = $1
     RETURNING id`,
    [userId, grantedBy],
  );
  if (rows.length !== 1) throw new Error(`no user ${userId} to record an import by`);
  return rows[0].id;
}
