import type { Config } from '../config.js';
import type { Card } from '../core/card.js';
import type { Platform } from '../core/types.js';
import type { Adapter, AdapterContext } from './adapter.js';

/** What a platform accepts, for code that lays out or checks messages without its client library. */
export interface PlatformLimits {
  /** Longest text of one message, in UTF-16 units. */
  messageLength: number;
  /** Buttons in one row, and rows in one message; 0 where there are no buttons. */
  buttonsPerRow: number;
  buttonRows: number;
  /** Longest visible label of a button. */
  buttonLabel: number;
}

/** The heavy half of a platform, imported only when the platform is on: its mapping and its adapter. */
export interface PlatformModule<Payload = unknown> {
  /** Card -> what the platform sends. Pure. */
  render(card: Card): Payload;
  createAdapter(ctx: AdapterContext): Adapter;
}

export interface PlatformDefinition<Payload = unknown> {
  id: Platform;
  limits: PlatformLimits;
  /** A terminal on this machine: its one user is trusted and not rate-limited. */
  local?: boolean;
  /** Whether this configuration turns the platform on (`platformAdapters` starts it). */
  enabled(config: Config): boolean;
  load(): Promise<PlatformModule<Payload>>;
}

const registry = new Map<Platform, PlatformDefinition>();

/** Adds a platform; its id must be new. */
export function registerPlatform<Payload>(definition: PlatformDefinition<Payload>): void {
  if (registry.has(definition.id)) throw new Error(`platform "${definition.id}" is registered twice`);
  registry.set(definition.id, definition as PlatformDefinition);
}

export const platformDefinition = (id: Platform): PlatformDefinition | undefined => registry.get(id);

export const registeredPlatforms = (): PlatformDefinition[] => [...registry.values()];

/** Starts no adapter: builds those the configuration turns on, loading each client library only then. */
export async function enabledAdapters(ctx: AdapterContext): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  for (const definition of registry.values()) {
    if (!definition.enabled(ctx.config)) continue;
    const module = await definition.load();
    adapters.push(module.createAdapter(ctx));
  }
  return adapters;
}
