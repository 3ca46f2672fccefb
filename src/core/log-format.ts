/** How log lines look: JSON for machines, or one short line for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * pino's JSON line as `12:04:05 WARN message key=value`, with an error's message in
 * parentheses. A line that is not JSON passes through unchanged.
 */
export function prettyLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { level, time, msg, err, ...rest } = entry;
  const clock = typeof time === 'number' ? new Date(time).toTimeString().slice(0, 8) : '';
  const label = LEVELS[level as number] ?? String(level);
  const error =
    err && typeof err === 'object' && 'message' in err ? ` (${String((err as { message: unknown }).message)})` : '';
  const fields = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${[clock, label, `${String(msg ?? '')}${error}`, fields].filter(Boolean).join(' ')}\n`;
}

/** `LOG_FORMAT` when set, else pretty for a terminal and JSON for files, pipes and journald. */
export function chooseLogFormat(requested: string | undefined, stderrIsTTY: boolean): LogFormat {
  if (requested === 'json' || requested === 'pretty') return requested;
  return stderrIsTTY ? 'pretty' : 'json';
}
