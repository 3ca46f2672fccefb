import type { Services } from '../core/command.js';
import { Operators } from '../core/operators.js';
import type { DataStore } from '../store/data-store.js';
import type { FanOut } from './fan-out.js';
import type { Publisher } from './publisher.js';
import type { StatusSource } from './status-source.js';

/** The services that subscription, posting and status commands rely on. */
export interface SubscriptionServices {
  store: DataStore;
  publisher: Publisher;
  status: StatusSource;
  /** Adapters that learn of a chat's new id on their own tell the fan-out here. */
  fanout: Pick<FanOut, 'migrateChat'>;
  /** Who may see operator-only information; nobody but the terminal user when absent. */
  operators?: Operators;
}

const KEYS = {
  store: 'subscriptions.store',
  publisher: 'subscriptions.publisher',
  status: 'subscriptions.status',
  fanout: 'subscriptions.fanout',
  operators: 'subscriptions.operators',
};

/** Puts the services where commands find them (`ctx.services`). */
export function provideSubscriptionServices(services: SubscriptionServices, into: Services = {}): Services {
  return {
    ...into,
    [KEYS.store]: services.store,
    [KEYS.publisher]: services.publisher,
    [KEYS.status]: services.status,
    [KEYS.fanout]: services.fanout,
    [KEYS.operators]: services.operators ?? new Operators(),
  };
}

function need<T>(services: Services, key: string): T {
  const value = services[key];
  // Not a user error: the bot was assembled without this service; the bot logs it with a reference.
  if (value === undefined || value === null) throw new Error(`internal: the service "${key}" is not configured`);
  return value as T;
}

export const dataStoreOf = (services: Services): DataStore => need(services, KEYS.store);
export const publisherOf = (services: Services): Publisher => need(services, KEYS.publisher);
export const statusOf = (services: Services): StatusSource => need(services, KEYS.status);
export const fanOutOf = (services: Services): SubscriptionServices['fanout'] => need(services, KEYS.fanout);
export const operatorsOf = (services: Services): Operators =>
  (services[KEYS.operators] as Operators | undefined) ?? new Operators();
