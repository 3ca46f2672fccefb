import type { Adapter, DeliverOptions } from '../../../src/adapters/adapter.js';
import type { DeliveryResult, Platform, Reply } from '../../../src/core/types.js';

export interface Sent {
  chatId: string;
  reply: Reply;
  bulk: boolean;
}

/** One scripted answer: a result, or a function that decides (and may wait). */
export type Scripted = DeliveryResult | ((chatId: string) => Promise<DeliveryResult>);

/**
 * An adapter whose sends land in memory. Answers can be scripted per chat (gone, migrated,
 * failed...), and sends can be held at a gate to catch the fan-out mid-broadcast.
 */
export class MemoryAdapter implements Adapter {
  /** Messages accepted, in order. */
  readonly sent: Sent[] = [];
  /** Every call, accepted or not. */
  readonly calls: { chatId: string; bulk: boolean }[] = [];
  /** Who each call was made for (`onBehalfOf`), in the order of `calls`. */
  readonly askers: DeliverOptions['onBehalfOf'][] = [];
  /** The options of every call, in the order of `calls`. */
  readonly options: DeliverOptions[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private gate: { open: Promise<void>; release: () => void; after: number } | undefined;

  constructor(readonly platform: Platform = 'telegram') {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** The next answers for this chat, in order; once used up, sends succeed. */
  script(chatId: string, ...answers: Scripted[]): void {
    this.scripts.set(chatId, [...(this.scripts.get(chatId) ?? []), ...answers]);
  }

  /** After `after` more accepted messages, every send waits until `release()`. */
  hold(after = 0): { release: () => void } {
    let release!: () => void;
    const open = new Promise<void>((resolve) => (release = resolve));
    this.gate = { open, release, after: this.sent.length + after };
    return {
      release: () => {
        this.gate = undefined;
        release();
      },
    };
  }

  /** How many sends are waiting at the gate. */
  waiting = 0;

  async deliver(chatId: string, reply: Reply, options: DeliverOptions): Promise<DeliveryResult> {
    this.calls.push({ chatId, bulk: options.bulk });
    this.askers.push(options.onBehalfOf);
    this.options.push(options);
    const next = this.scripts.get(chatId)?.shift();
    if (next !== undefined) {
      const result = typeof next === 'function' ? await next(chatId) : next;
      if (result.ok) this.sent.push({ chatId, reply, bulk: options.bulk });
      return result;
    }
    const gate = this.gate;
    if (gate && this.sent.length >= gate.after) {
      this.waiting++;
      await gate.open;
      this.waiting--;
    }
    this.sent.push({ chatId, reply, bulk: options.bulk });
    return { ok: true, messageIds: [`m${this.sent.length}`] };
  }

  /** Accepted messages to one chat, as `label slug` lines. */
  to(chatId: string): string[] {
    return this.sent
      .filter((s) => s.chatId === chatId)
      .map((s) => (s.reply.kind === 'brief' ? `${s.reply.label ?? '-'} ${s.reply.brief.slug}` : s.reply.kind));
  }
}
