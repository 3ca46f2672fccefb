import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface MainProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** What it logged so far (pino JSON lines). */
  stderr(): string;
  /** Log lines whose message contains `text`, parsed. */
  logged(text: string): Record<string, unknown>[];
}

/** `npm start`: the real entry point in its own process, so that it can really be killed. */
export function spawnMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PORT: '0', ANNOUNCE_QUIET_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout!.resume();
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => stderr,
    logged: (text) =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('{') && line.includes(text))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export interface DeliveryRow {
  chatId: string;
  status: string;
  /** A send started and never reported back. */
  cutOff: boolean;
}

/** The deliveries as the bot recorded them, read from its database beside it (WAL allows that). */
export function readDeliveries(databasePath: string): DeliveryRow[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { chat_id: string; status: string; sending_since: number | null }>(
        'SELECT chat_id, status, sending_since FROM deliveries ORDER BY id',
      )
      .all()
      .map((r) => ({
        chatId: r.chat_id,
        status: r.status,
        cutOff: r.status === 'pending' && r.sending_since !== null,
      }));
  } finally {
    db.close();
  }
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
