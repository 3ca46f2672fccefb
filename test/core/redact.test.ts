import { describe, expect, it } from 'vitest';
import { safeMessage, scrubSecrets } from '../../src/core/redact.js';

const TOKEN = '123456789:AAH-fake_token_for_tests_0123456789abcdef';

describe('scrubSecrets', () => {
  it('removes a Telegram token from a URL, a bare mention and an error message, and leaves other text alone', () => {
    expect(scrubSecrets(`invalid json response body at http://x/bot${TOKEN}/getUpdates reason: <`)).toBe(
      'invalid json response body at http://x/bot<redacted>/getUpdates reason: <',
    );
    expect(scrubSecrets(`token ${TOKEN} and again ${TOKEN}`)).toBe('token <redacted> and again <redacted>');
    expect(safeMessage(new Error(`GET /bot${TOKEN}/getMe`))).toBe('GET /bot<redacted>/getMe');
    expect(scrubSecrets('at 12:30 the bot answered /brief xinjiang')).toBe('at 12:30 the bot answered /brief xinjiang');
  });
});
