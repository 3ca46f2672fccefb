import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Another process (or this one) already has the SQLite file open. */
export class DatabaseLockedError extends Error {
  constructor(
    readonly path: string,
    readonly holder: Holder,
  ) {
    const who = holder.pid === process.pid && holder.host === hostname() ? 'this process' : `process ${holder.pid}`;
    super(
      `${path} is in use by ${who} on ${holder.host} (since ${holder.since}); one SQLite file serves one ` +
        `briefbot: stop that one first (or delete ${path}.lock if it is gone), or set DATABASE_URL ` +
        `(PostgreSQL) to run several instances`,
    );
    this.name = 'DatabaseLockedError';
  }
}

const UNREADABLE: Holder = { pid: 0, host: 'an unknown host', since: 'an unknown time' };

/** Files this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readHolder(lockPath: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? 'unknown') };
  } catch {
    return undefined;
  }
}

/**
 * Takes `<path>.lock` for this process, naming it (pid, host, time) so that a second process
 * on the same file is refused with a message saying who holds it. A lock left by a process
 * that died on this host is taken over. Returns the release function.
 */
export function lockDatabaseFile(path: string): () => void {
  const lockPath = `${path}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  if (heldHere.has(lockPath)) throw new DatabaseLockedError(path, readHolder(lockPath) ?? me);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      // A pid equal to ours that this process does not hold is a previous life (a restarted container).
      const stale = holder && holder.host === me.host && (holder.pid === me.pid || !isAlive(holder.pid));
      if (attempt > 0 || !holder || !stale) throw new DatabaseLockedError(path, holder ?? UNREADABLE);
      unlinkSync(lockPath);
    }
  }
  heldHere.add(lockPath);
  return () => {
    heldHere.delete(lockPath);
    if (readHolder(lockPath)?.pid === me.pid) unlinkSync(lockPath);
  };
}
