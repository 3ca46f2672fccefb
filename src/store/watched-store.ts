import type { DataStore } from './data-store.js';
import type { StoreHealth } from './store-health.js';

/** A database call that failed; `cause` is the driver's error, `code` its code (`SQLITE_FULL`...). */
export class StoreError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`database ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreError';
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

export const isStoreError = (err: unknown): err is StoreError => err instanceof StoreError;

/**
 * The same store, with every call's outcome told to `health` and every failure thrown as a
 * StoreError, so that callers can tell "the database failed" (back off, logged by health)
 * from their own mistakes.
 */
export function watchStore(store: DataStore, health: StoreHealth): DataStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      const operation = String(property);
      return async (...args: unknown[]) => {
        try {
          const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
          health.succeeded(operation);
          return result;
        } catch (err) {
          if (err instanceof StoreError) throw err;
          health.failed(operation, err);
          throw new StoreError(operation, err);
        }
      };
    },
  });
}
