import type { Adapter, AdapterContext } from './adapters/adapter.js';

/** The chat-platform adapters that this config enables; empty means terminal mode. */
export function platformAdapters(ctx: AdapterContext): Adapter[] {
  const adapters: Adapter[] = [];
  void ctx;
  return adapters;
}
