import type { Adapter, DeliverOptions } from '../adapters/adapter.js';
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
    return entry.adapter.deliver.bind(entry.adapter);
  }

  /** Platforms whose adapters are up and can deliver. */
  deliveringPlatforms(): Platform[] {
    return [...this.entries.keys()].filter((p) => this.deliverer(p) !== undefined);
  }

  states(): AdapterState[] {
    return [...this.entries.values()].map(({ adapter, up, since }) => ({
      platform: adapter.platform,
      up,
      ...(since ? { since } : {}),
      canDeliver: adapter.deliver !== undefined,
    }));
  }
}
