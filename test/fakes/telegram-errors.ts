export interface ApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** An answer `{ ok: false, error_code, description }` as the Bot API gives it. */
export class ApiFailure extends Error {
  constructor(readonly body: ApiError) {
    super(body.description);
  }
}

export const badRequest = (description: string): ApiFailure =>
  new ApiFailure({ error_code: 400, description: `Bad Request: ${description}` });

export const forbidden = (description: string): ApiFailure =>
  new ApiFailure({ error_code: 403, description: `Forbidden: ${description}` });

export const tooManyRequests = (retryAfterSeconds: number): ApiFailure =>
  new ApiFailure({
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfterSeconds}`,
    parameters: { retry_after: retryAfterSeconds },
  });
