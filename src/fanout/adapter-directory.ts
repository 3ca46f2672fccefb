import type { Adapter, DeliverOptions } from '../adapters/adapter.js';
import type { Metrics } from '../core/metrics.js';
import type { AdapterState } from '../core/services.js';
import type { DeliveryResult, Platform, Reply } from '../core/types.js';

export type Deliver = (chatId: string, reply: Reply, options: DeliverOptions) => Promise<DeliveryResult>;

export type { AdapterState } from '../core/services.js';

/**
 * The running adapters by platform, so that services built before the adapters
 * (they need the bot, the bot needs the services) can reach them later.
 */
export class AdapterDirectory {
  private readonly entries = new Map<Platform, { adapter: Adapter; up: boolean; since?: Date }>();

  /** `metrics`, when given, counts how bulk deliveries end. */
  constructor(private readonly metrics?: Metrics) {}

  register(adapter: Adapter): void {
    this.entries.set(adapter.platform, { adapter, up: false });
  }

  markUp(platform: Platform, at = new Date()): void {
    const entry = this.entries.get(platform);
    if (entry) Object.assign(entry, { up: true, since: at });
  }

  markDown(platform: Platform, at = new Date()): void {
    const entry = this.entries.get(platform);
    if (entry) Object.assign(entry, { up: false, since: at });
  }

  /** The platform's send path, while its adapter is up and can send on its own. */
  deliverer(platform: Platform): Deliver | undefined {
    const entry = this.entries.get(platform);
    if (!entry?.up || !entry.adapter.deliver) return undefined;
    const deliver = entry.adapter.deliver.bind(entry.adapter);
    const metrics = this.metrics;
    if (!metrics) return deliver;
    return async (chatId, reply, options) => {
      const result = await deliver(chatId, reply, options);
      if (options.bulk) metrics.deliveryEnded(platform, result.ok ? 'sent' : 'failed');
      return result;
    };
  }

  /** Platforms whose adapters are up and can deliver. */
  deliveringPlatforms(): Platform[] {
    return [...this.entries.keys()].filter((p) => this.deliverer(p) !== undefined);
  }

  /** The platform's check of a chat someone named, where the adapter is up and has one. */
  inspector(platform: Platform): Adapter['inspect'] | undefined {
    const entry = this.entries.get(platform);
    return entry?.up && entry.adapter.inspect ? entry.adapter.inspect.bind(entry.adapter) : undefined;
  }

  states(): AdapterState[] {
    return [...this.entries.values()].map(({ adapter, up, since }) => {
      const notes = adapter.notes?.() ?? [];
      return {
        platform: adapter.platform,
        up,
        ...(since ? { since } : {}),
        canDeliver: adapter.deliver !== undefined,
        ...(notes.length > 0 ? { notes } : {}),
      };
    });
  }
}
