import type { Logger } from '../core/logger.js';
import type { PostRequest, PostResult, Publisher, TargetRequest } from '../core/services.js';
import type { DeliveryResult, TargetInfo } from '../core/types.js';
import type { DataStore } from '../store/data-store.js';
import type { AdapterDirectory } from './adapter-directory.js';

export type { PostRequest, PostResult, Publisher } from '../core/services.js';

/** Publishes through the platform adapter's direct (not bulk) send path. */
export class AdapterPublisher implements Publisher {
  constructor(private readonly options: { store: DataStore; adapters: AdapterDirectory; logger: Logger }) {}

  async post(request: PostRequest): Promise<PostResult> {
    let target = request.target ?? request.from.id;
    const deliver = this.options.adapters.deliverer(request.from.platform);
    if (!deliver) {
      const detail = `no ${request.from.platform} adapter can post right now`;
      return this.audited(request, { ok: false, outcome: 'unavailable', targetChatId: target, detail });
    }
    const reply = { kind: 'brief', brief: request.brief, related: request.related } as const;
    // Being a moderator where the command was typed says nothing about another channel.
    const elsewhere = target !== request.from.id;
    const options = {
      bulk: false,
      ...(elsewhere ? { onBehalfOf: { userId: request.user.id, fromChatId: request.from.id } } : {}),
      ...(request.publish ? { publish: true } : {}),
    };
    let result = await this.attempt(() => deliver(target, reply, options));
    if (!result.ok && result.reason === 'migrated') {
      target = result.newChatId;
      result = await this.attempt(() => deliver(target, reply, options));
    }
    return this.audited(request, toPostResult(target, result));
  }

  async inspect(request: TargetRequest): Promise<TargetInfo> {
    const target = request.target ?? request.from.id;
    const inspect = this.options.adapters.inspector(request.from.platform);
    if (!inspect) return { ok: true, kind: 'unknown' };
    const onBehalfOf =
      target === request.from.id ? undefined : { userId: request.user.id, fromChatId: request.from.id };
    try {
      return await inspect(target, onBehalfOf);
    } catch (err) {
      this.options.logger.error({ err }, 'checking a channel failed');
      return { ok: false, reason: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
  }

  private async attempt(send: () => Promise<DeliveryResult>): Promise<DeliveryResult> {
    try {
      return await send();
    } catch (err) {
      this.options.logger.error({ err }, 'posting failed');
      return { ok: false, reason: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
  }

  private async audited(request: PostRequest, result: PostResult): Promise<PostResult> {
    const record = {
      at: new Date(),
      platform: request.from.platform,
      userId: request.user.id,
      userName: request.user.name,
      fromChatId: request.from.id,
      targetChatId: result.targetChatId,
      slug: request.brief.slug,
      version: request.version,
      outcome: result.ok ? ('ok' as const) : result.outcome,
      messageIds: result.ok ? result.messageIds : [],
      ...(result.ok ? {} : { detail: result.detail }),
    };
    await this.options.store.recordPost(record);
    this.options.logger.info(
      { platform: record.platform, user: record.userId, from: record.fromChatId, target: record.targetChatId },
      `post of ${record.slug}: ${record.outcome}`,
    );
    return result;
  }
}

function toPostResult(targetChatId: string, result: DeliveryResult): PostResult {
  if (result.ok)
    return { ok: true, targetChatId, messageIds: result.messageIds, ...(result.notes ? { notes: result.notes } : {}) };
  // The reasons travel as codes, for the reply to say in the reader's language.
  switch (result.reason) {
    case 'migrated':
      return { ok: false, outcome: 'failed', targetChatId, detail: `the chat moved again, to ${result.newChatId}` };
    case 'failed':
      return { ok: false, outcome: 'failed', targetChatId, detail: result.detail };
    case 'gone':
      return {
        ok: false,
        outcome: 'gone',
        targetChatId,
        detail: result.detail,
        ...(result.why ? { why: result.why } : {}),
      };
    case 'forbidden': {
      const { detail, why, user, missing, advice } = result;
      return {
        ok: false,
        outcome: 'forbidden',
        targetChatId,
        detail,
        ...(why ? { why } : {}),
        ...(user ? { userForbidden: true as const } : {}),
        ...(missing ? { missing } : {}),
        ...(advice ? { advice } : {}),
      };
    }
  }
}
