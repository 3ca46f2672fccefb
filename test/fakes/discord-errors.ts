/** An error answer in Discord's JSON shape: `{ code, message, errors? }` with its HTTP status. */
export class DiscordApiError {
  constructor(
    readonly status: number,
    readonly body: { code: number; message: string; errors?: unknown; retry_after?: number; global?: boolean },
    readonly headers: Record<string, string> = {},
  ) {}
}

/** One rule a payload broke: where (`embeds.0.title`), Discord's error code and message. */
export interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Nests issues as Discord does: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
function nest(issues: readonly Issue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) node = (node[String(key)] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as unknown[]).push({ code: issue.code, message: issue.message });
  }
  return root;
}

export const invalidFormBody = (issues: readonly Issue[]) =>
  new DiscordApiError(400, { code: 50035, message: 'Invalid Form Body', errors: nest(issues) });
export const emptyMessage = () => new DiscordApiError(400, { code: 50006, message: 'Cannot send an empty message' });
export const unknownInteraction = () => new DiscordApiError(404, { code: 10062, message: 'Unknown interaction' });
export const alreadyAcknowledged = () =>
  new DiscordApiError(400, { code: 40060, message: 'Interaction has already been acknowledged.' });
export const unknownWebhook = () => new DiscordApiError(404, { code: 10015, message: 'Unknown Webhook' });
export const missingPermissions = () => new DiscordApiError(403, { code: 50013, message: 'Missing Permissions' });
export const unknownChannel = () => new DiscordApiError(404, { code: 10003, message: 'Unknown Channel' });

/** Issue helpers with Discord's own wording. */
export const tooLong = (path: Issue['path'], max: number): Issue => ({
  path,
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});
export const tooShort = (path: Issue['path'], min: number): Issue => ({
  path,
  code: 'BASE_TYPE_MIN_LENGTH',
  message: `Must be ${min} or more in length.`,
});
export const required = (path: Issue['path']): Issue => ({
  path,
  code: 'BASE_TYPE_REQUIRED',
  message: 'This field is required',
});
export const invalid = (path: Issue['path'], code: string, message: string): Issue => ({ path, code, message });
