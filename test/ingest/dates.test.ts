import { describe, expect, it } from 'vitest';
import { isDateLine, parseDate } from '../../src/ingest/dates.js';

describe('parseDate', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025-03-14T06:30:00+11:00', '2025-03-14'],
    ['2025-03-14T23:59:00-05:00', '2025-03-14'],
    ['14 March 2025', '2025-03-14'],
    ['14th March, 2025', '2025-03-14'],
    ['March 14, 2025', '2025-03-14'],
    ['Sept. 9, 2018', '2018-09-09'],
    ['9 Sep 2018', '2018-09-09'],
    ['Published on 1 May 2024 at noon', '2024-05-01'],
  ])('%s -> %s', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });

  it.each(['2024-02-30', '31 April 2024', 'March 2025', 'yesterday', '14/03/2025', '', '1 Smarch 2020', '2025-13-01'])(
    'refuses %j',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );
});

describe('isDateLine', () => {
  it.each([
    '11 September 2018',
    'Friday 14 March 2025, 06:30 AEDT',
    'Published: March 14, 2025',
    'Updated 2 June 2024 10.15am',
  ])('a date line: %s', (line) => {
    expect(isDateLine(line)).toBe(true);
  });

  it.each(['On 14 March 2025 the council voted to build the plant.', 'The Kazakh connection', 'Weather: 14 degrees'])(
    'not a date line: %s',
    (line) => {
      expect(isDateLine(line)).toBe(false);
    },
  );
});
