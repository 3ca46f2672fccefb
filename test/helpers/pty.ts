import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PtyRun {
  child: ChildProcess;
  /** Everything the terminal received, escape sequences included. */
  raw(): string;
  /** The screen as a terminal of that width shows it (see `screenOf`). */
  screen(): string[];
  send(text: string): void;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * `npm start` in a real pseudo-terminal of `columns` columns, through util-linux `script`
 * (node-pty is not a dependency): readline sees a TTY, stdout has a width.
 */
export function startInPty(columns: number, env: Record<string, string>, args: string[] = []): PtyRun {
  const command = `stty cols ${columns} rows 50; exec node --import tsx src/main.ts ${args.map((a) => `'${a}'`).join(' ')}`;
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const check of waiters) check();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    raw: () => out,
    screen: () => screenOf(out, columns),
    send: (text) => child.stdin!.write(text),
    exited,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(screenOf(out, columns).join('\n'))) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no ${pattern} on the terminal within ${timeoutMs} ms; it shows:\n${screenOf(out, columns).join('\n')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/**
 * A small terminal emulator, enough for what readline sends: printable text with automatic
 * wrap at `columns`, CR, LF, cursor to column (CSI n G), cursor moves (A B C D), erase in line
 * (CSI K) and erase below (CSI J). Returns the screen's lines without trailing spaces.
 */
export function screenOf(raw: string, columns: number): string[] {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  const line = () => (lines[row] ??= []);
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\x1b' && raw[i + 1] === '[') {
      const m = /^\x1b\[(\??[\d;]*)([A-Za-z])/.exec(raw.slice(i));
      if (!m) continue;
      i += m[0].length - 1;
      const n = Number(m[1]!.split(';')[0] || '0');
      const cmd = m[2]!;
      if (cmd === 'G') col = Math.max(n, 1) - 1;
      else if (cmd === 'C') col += Math.max(n, 1);
      else if (cmd === 'D') col = Math.max(0, col - Math.max(n, 1));
      else if (cmd === 'A') row = Math.max(0, row - Math.max(n, 1));
      else if (cmd === 'B') row += Math.max(n, 1);
      else if (cmd === 'K')
        lines[row] = n === 2 ? [] : n === 1 ? line().map((c, j) => (j <= col ? ' ' : c)) : line().slice(0, col);
      else if (cmd === 'J') {
        lines[row] = line().slice(0, col);
        lines.length = row + 1;
      }
    } else if (ch === '\r') col = 0;
    else if (ch === '\n') row++;
    else if (ch >= ' ') {
      if (col >= columns) {
        row++;
        col = 0;
      }
      const l = line();
      while (l.length < col) l.push(' ');
      l[col++] = ch;
    }
  }
  return Array.from(lines, (l) => (l ?? []).join('').trimEnd());
}
