import { readFileSync } from 'node:fs';

/** What the command line asks for: `npm start [-- --help | --version | <command>]`. */
export type CliRequest =
  | { kind: 'run' }
  | { kind: 'oneShot'; line: string }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'bad'; message: string };

export function readArguments(args: readonly string[]): CliRequest {
  const first = args[0];
  if (first === undefined) return { kind: 'run' };
  if (first === '--help' || first === '-h') return { kind: 'help' };
  if (first === '--version' || first === '-v' || first === '-V') return { kind: 'version' };
  if (first.startsWith('-')) return { kind: 'bad', message: `unknown option ${first}; see --help` };
  const line = args.join(' ').trim();
  return line ? { kind: 'oneShot', line } : { kind: 'run' };
}

export const HELP_TEXT = `Usage: npm start [-- <command> | --help | --version]
       node dist/src/main.js [<command> | --help | --version]

  (nothing)       start the bot: Discord and Telegram when their tokens are set,
                  otherwise a prompt in this terminal (type /help there, /quit to leave)
  <command>       answer one command and exit, e.g. /brief xinjiang
                  (exit 1 when nothing matches or the command fails)
  --help, -h      print this help
  --version, -v   print the version

Piped input answers one command per line and stops at /quit or the end of input; the
exit code is 1 if any answer was a miss or an error:
  printf '/topics\\n/latest 3\\n' | npm start -s

Configuration comes from the environment or a .env file (see README.md). Logs go to
stderr: LOG_LEVEL sets the level, LOG_FORMAT=pretty|json the form (default: pretty in a
terminal, JSON otherwise).
`;

/** `briefbot 0.1.0`, from package.json beside the sources or beside dist/. */
export function versionText(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'briefbot' && pkg.version) return `briefbot ${pkg.version}\n`;
    } catch {
      // not this one; try the next place
    }
  }
  return 'briefbot (version unknown)\n';
}

/**
 * Answers `--help`, `--version` and bad options without starting anything; the exit code, or
 * `undefined` when the bot should start.
 */
export function answerWithoutStarting(request: CliRequest): number | undefined {
  if (request.kind === 'help') process.stdout.write(HELP_TEXT);
  else if (request.kind === 'version') process.stdout.write(versionText());
  else if (request.kind === 'bad') process.stderr.write(`briefbot: ${request.message}\n`);
  else return undefined;
  return request.kind === 'bad' ? 2 : 0;
}
