/**
 * Limits checked before a file is parsed. YAML's duplicate-key check is quadratic in the
 * number of keys and a parsed file lives in memory, so one hostile or mistaken file could
 * otherwise freeze the bot or run it out of memory. A real brief is a few kilobytes with
 * a few dozen keys.
 */
export const FILE_LIMITS = {
  fileBytes: 1024 * 1024,
  frontMatterBytes: 256 * 1024,
  frontMatterKeys: 1000,
} as const;

/** Files at least this large are parsed off the main thread on hot reload. */
export const PARSE_OFF_THREAD_FROM_BYTES = 64 * 1024;

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** The complaint about a file of this many bytes, if it is too large to read at all. */
export function fileSizeProblem(bytes: number): string | undefined {
  if (bytes <= FILE_LIMITS.fileBytes) return undefined;
  return `is too large (${size(bytes)}; at most ${size(FILE_LIMITS.fileBytes)} per file)`;
}

/**
 * A colon that ends a key: followed by a space or a line end, or right after a quoted key.
 * Colons inside URLs ("https://") are not keys.
 */
const KEY_COLON = /:(?=[ \t\n]|$)|["']:/g;

/** The complaint about a front matter block, if it is too large or has too many keys to parse. */
export function frontMatterProblem(yaml: string): string | undefined {
  if (yaml.length > FILE_LIMITS.frontMatterBytes) {
    return `front matter is too large (${size(yaml.length)}; at most ${size(FILE_LIMITS.frontMatterBytes)})`;
  }
  KEY_COLON.lastIndex = 0;
  let keys = 0;
  while (KEY_COLON.exec(yaml) !== null) {
    if (++keys > FILE_LIMITS.frontMatterKeys) {
      return `front matter has too many keys (more than ${FILE_LIMITS.frontMatterKeys})`;
    }
  }
  return undefined;
}
