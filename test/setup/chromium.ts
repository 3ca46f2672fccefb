import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The console's browser tests drive Debian's Chromium. On a fresh Debian machine where the
 * tests run as root, it is installed here once per run; elsewhere those tests fail saying how.
 */
export default function setup(): void {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return;
  process.stderr.write('Installing Debian chromium for the browser tests (apt-get install -y chromium)...\n');
  const quiet = { stdio: 'ignore' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update', '-qq'], quiet);
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], quiet);
}
