import { describe, expect, it } from 'vitest';
import { chooseLogFormat, prettyLogLine } from '../../src/core/log-format.js';

const at = new Date(2026, 0, 2, 12, 4, 5).getTime();

describe('prettyLogLine: one short line for a person at a terminal', () => {
  it('shows the local time, the level, the message and the other fields as key=value', () => {
    const line = JSON.stringify({ level: 40, time: at, msg: 'send failed', chatId: '-100', attempt: 2, ok: false });
    expect(prettyLogLine(line)).toBe('12:04:05 WARN send failed chatId=-100 attempt=2 ok=false\n');
  });

  it('names every pino level, and shows an unknown one as it is', () => {
    const levels = [10, 20, 30, 40, 50, 60, 35].map((level) => prettyLogLine(JSON.stringify({ level, msg: 'm' })));
    expect(levels).toEqual(['TRACE m\n', 'DEBUG m\n', 'INFO m\n', 'WARN m\n', 'ERROR m\n', 'FATAL m\n', '35 m\n']);
  });

  it("puts an error's message in parentheses after the message, and writes objects as JSON", () => {
    const line = JSON.stringify({
      level: 50,
      msg: 'posting failed',
      err: { message: 'socket hang up', stack: 's' },
      ids: [1, 2],
    });
    expect(prettyLogLine(line)).toBe('ERROR posting failed (socket hang up) ids=[1,2]\n');
    // An `err` that is no error object adds nothing.
    expect(prettyLogLine(JSON.stringify({ level: 50, msg: 'x', err: 'plain' }))).toBe('ERROR x\n');
  });

  it('leaves out what is missing, and passes a line that is not JSON through unchanged', () => {
    expect(prettyLogLine(JSON.stringify({ level: 30 }))).toBe('INFO\n');
    expect(prettyLogLine('not json at all')).toBe('not json at all');
  });
});

describe('chooseLogFormat', () => {
  it('takes LOG_FORMAT when it names a format, else pretty for a terminal and JSON otherwise', () => {
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
    expect(chooseLogFormat(undefined, true)).toBe('pretty');
    expect(chooseLogFormat('fancy', false)).toBe('json');
  });
});
