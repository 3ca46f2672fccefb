import { describe, expect, it } from 'vitest';
import { errorRef, internalErrorText, UserError } from '../../src/core/errors.js';

describe('errors shown to users', () => {
  it('a UserError says so in stack traces and logs, and carries a code for the reply', () => {
    const error = new UserError('That channel does not exist.');
    expect(String(error)).toBe('UserError: That channel does not exist.');
    expect(error.code).toBe('user_error');
    expect(new UserError('Slow down.', 'rate_limited').code).toBe('rate_limited');
  });

  it('an internal error shows only a short reference an operator can find in the log', () => {
    const refs = new Set(Array.from({ length: 20 }, () => errorRef()));
    expect(refs.size).toBe(20);
    for (const ref of refs) expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(internalErrorText('0a1b2c3d')).toBe(
      'Something went wrong on our side (ref 0a1b2c3d). Please try again in a moment.',
    );
  });
});
