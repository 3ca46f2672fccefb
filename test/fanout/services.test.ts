import { describe, expect, it } from 'vitest';
import {
  dataStoreOf,
  fanOutOf,
  provideSubscriptionServices,
  publisherOf,
  statusOf,
  type SubscriptionServices,
} from '../../src/fanout/services.js';

describe('subscription services', () => {
  it('hands every provided service back to commands and adapters', () => {
    const parts = {
      store: { name: 'store' },
      publisher: { name: 'publisher' },
      status: { name: 'status' },
      fanout: { migrateChat: async () => undefined },
    } as unknown as SubscriptionServices;
    const services = provideSubscriptionServices(parts, { other: 1 });
    expect(dataStoreOf(services)).toBe(parts.store);
    expect(publisherOf(services)).toBe(parts.publisher);
    expect(statusOf(services)).toBe(parts.status);
    expect(fanOutOf(services)).toBe(parts.fanout);
    expect(services.other).toBe(1);
  });

  it('says which service is missing', () => {
    expect(() => fanOutOf({})).toThrow('the service "subscriptions.fanout" is not configured');
  });
});
