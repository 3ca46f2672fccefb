import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const UNIT = 'deploy/briefbot.service';

/** `[Section]` -> key -> values (a key may repeat, as Environment= does). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!, current);
      continue;
    }
    const pair = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!pair || !current) throw new Error(`not a unit file line: ${line}`);
    current.set(pair[1]!, [...(current.get(pair[1]!) ?? []), pair[2]!]);
  }
  return sections;
}

const systemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('deploy/briefbot.service', () => {
  const unit = parseUnit(readFileSync(UNIT, 'utf8'));
  const service = unit.get('Service')!;
  const one = (key: string) => service.get(key)?.at(-1);

  it('runs the compiled entry point as an unprivileged user and restarts it on failure', () => {
    expect([...unit.keys()]).toEqual(['Unit', 'Service', 'Install']);
    expect(one('ExecStart')).toBe('/usr/bin/node dist/src/main.js');
    // What `npm run build` compiles: src/main.ts into dist/src/main.js.
    const build = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')) as { include: string[] };
    expect(build.include).toEqual(expect.arrayContaining(['src', 'commands']));
    expect(existsSync('src/main.ts')).toBe(true);
    expect(one('User')).toMatch(/^(?!root$)\w+$/);
    expect(one('Restart')).toBe('on-failure');
    expect(Number(one('RestartSec'))).toBeGreaterThan(0);
    expect(one('RestartPreventExitStatus')).toBe('2');
    expect(Number(one('TimeoutStopSec'))).toBeGreaterThan(10);
    expect(service.get('Environment')).toEqual(expect.arrayContaining(['DATABASE_PATH=/var/lib/briefbot/briefbot.db']));
    expect(one('StateDirectory')).toBe('briefbot');
    expect(unit.get('Install')!.get('WantedBy')).toEqual(['multi-user.target']);
  });

  // Needs systemd; where it is absent this one is reported as skipped and the checks above still run.
  it.runIf(systemdAnalyze)('passes systemd-analyze verify without a warning', () => {
    const run = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
