import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { classifySendError } from '../../../src/adapters/telegram/send-errors.js';

const apiError = (error_code: number, description: string, parameters?: object) =>
  new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

describe('classifySendError', () => {
  it('sorts Telegram answers into retry, report or give up', () => {
    expect(classifySendError(apiError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toEqual({
      kind: 'retryAfter',
      seconds: 7,
    });
    expect(classifySendError(apiError(502, 'Bad Gateway')).kind).toBe('transient');
    expect(classifySendError(apiError(403, 'Forbidden: bot was blocked by the user')).kind).toBe('gone');
    expect(classifySendError(apiError(403, 'Forbidden: bot was kicked from the group chat')).kind).toBe('gone');
    expect(classifySendError(apiError(403, 'Forbidden: user is deactivated')).kind).toBe('gone');
    expect(classifySendError(apiError(400, 'Bad Request: chat not found')).kind).toBe('gone');
    // a deleted or closed forum topic is a target that cannot be reached
    expect(classifySendError(apiError(400, 'Bad Request: message thread not found')).kind).toBe('gone');
    expect(classifySendError(apiError(400, 'Bad Request: TOPIC_CLOSED')).kind).toBe('gone');
    expect(
      classifySendError(apiError(403, 'Forbidden: not enough rights to send text messages to the chat')).kind,
    ).toBe('forbidden');
    expect(
      classifySendError(
        apiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1001 }),
      ),
    ).toEqual({ kind: 'migrated', newChatId: '-1001' });
    expect(classifySendError(apiError(400, "Bad Request: can't parse entities")).kind).toBe('failed');
  });

  it('names the refusals it knows, for the reader to get them in their language; the words stay as detail', () => {
    const why = (code: number, description: string) => classifySendError(apiError(code, description));
    expect(why(403, 'Forbidden: not enough rights to send text messages to the chat')).toEqual({
      kind: 'forbidden',
      detail: 'Forbidden: not enough rights to send text messages to the chat',
      why: 'botLacksRights',
    });
    expect(why(403, 'Forbidden: need administrator rights in the channel chat')).toMatchObject({
      why: 'botNeedsAdmin',
    });
    expect(why(400, 'Bad Request: TOPIC_CLOSED')).toMatchObject({ kind: 'gone', why: 'topicClosed' });
    expect(why(400, 'Bad Request: message thread not found')).toMatchObject({ kind: 'gone', why: 'topicGone' });
    expect(why(400, 'Bad Request: chat not found')).toEqual({ kind: 'gone', detail: 'Bad Request: chat not found' });
    expect(why(403, 'Forbidden: CHAT_SEND_PLAIN_FORBIDDEN')).toEqual({
      kind: 'forbidden',
      detail: 'Forbidden: CHAT_SEND_PLAIN_FORBIDDEN',
    });
  });

  it('treats network failures as transient', () => {
    const reset = Object.assign(new Error('socket hang up'), { name: 'FetchError', code: 'ECONNRESET' });
    expect(classifySendError(reset)).toMatchObject({ kind: 'transient' });
    expect(classifySendError(new DOMException('timed out', 'TimeoutError')).kind).toBe('transient');
  });
});
