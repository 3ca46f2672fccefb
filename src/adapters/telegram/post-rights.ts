import type { Telegram } from 'telegraf';
import type { DeliveryResult } from '../../core/types.js';
import { ANONYMOUS_ADMIN_ID } from './moderators.js';
import { classifySendError } from './send-errors.js';

type Refusal = Extract<DeliveryResult, { ok: false }>;

/**
 * Whether a person may have the bot post into `chatId` (a channel given as `@name` or an id):
 * only its creator or an administrator may. Asked of Telegram every time, not cached, so that
 * a removed admin loses the right at once. Undefined when they may; the refusal otherwise.
 */
export async function refusePostFor(
  telegram: Pick<Telegram, 'getChatMember'>,
  chatId: string,
  userId: string,
): Promise<Refusal | undefined> {
  const id = Number(userId);
  if (!Number.isSafeInteger(id) || id <= 0 || id === ANONYMOUS_ADMIN_ID)
    return {
      ok: false,
      reason: 'forbidden',
      detail: 'only an administrator of that channel, posting under their own name, can do that',
      user: true,
      why: 'anonymousAdmin',
    };
  try {
    const member = await telegram.getChatMember(chatId, id);
    if (member.status === 'creator' || member.status === 'administrator') return undefined;
    return {
      ok: false,
      reason: 'forbidden',
      detail: 'you are not an administrator of that channel',
      user: true,
      why: 'notChannelAdmin',
    };
  } catch (error) {
    const failure = classifySendError(error);
    if (failure.kind === 'gone' || failure.kind === 'forbidden') {
      const { kind: reason, detail, why } = failure;
      return why ? { ok: false, reason, detail, why } : { ok: false, reason, detail };
    }
    const detail = 'detail' in failure ? failure.detail : failure.kind;
    return { ok: false, reason: 'failed', detail: `could not check your rights there: ${detail}` };
  }
}
