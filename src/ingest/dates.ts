const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

function isoIfReal(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a publication date as written on the page: ISO 8601 (the calendar date
 * as given, not shifted to UTC), "11 September 2018", "September 11, 2018",
 * "Sept. 11, 2018". Returns YYYY-MM-DD or undefined.
 */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s) ?? /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(s);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})\b/.exec(s);
  if (dayFirst) {
    const month = monthIndex(dayFirst[2] ?? '');
    if (month) return isoIfReal(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const monthFirst = /\b([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (monthFirst) {
    const month = monthIndex(monthFirst[1] ?? '');
    if (month) return isoIfReal(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  // "Fri Mar 13 21:30:09 EST 2015", as some sites print a server clock
  const clock = /\b([A-Za-z]{3,9})\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+[A-Z]{2,5}\s+(\d{4})\b/.exec(s);
  if (clock) {
    const month = monthIndex(clock[1] ?? '');
    if (month) return isoIfReal(Number(clock[3]), month, Number(clock[2]));
  }
  return undefined;
}

/** Whether a whole line is just a date (with an optional weekday, time or "Published"). */
export function isDateLine(line: string): boolean {
  const stripped = line
    .replace(/^(published|posted|updated|date)\s*:?\s*/i, '')
    .replace(/^(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s*/i, '')
    .replace(/[,|–-]?\s*\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?\s*$/i, '')
    .trim();
  return stripped.length <= 30 && parseDate(stripped) !== undefined;
}
