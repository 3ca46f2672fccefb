import { Routes, type REST } from 'discord.js';
import type { CommandDefinition } from './commands.js';

type Loose = Record<string, unknown>;

const sorted = (v: unknown): unknown => (Array.isArray(v) ? [...(v as unknown[])].sort() : null);

/** A command with Discord's defaults filled in, so that what we send and what the API returns compare. */
function canonical(command: Loose): Loose {
  return {
    name: command.name,
    description: command.description,
    type: command.type ?? 1,
    default_member_permissions: command.default_member_permissions ?? null,
    contexts: sorted(command.contexts),
    integration_types: sorted(command.integration_types),
    nsfw: command.nsfw ?? false,
    options: ((command.options as Loose[] | undefined) ?? []).map((o) => ({
      type: o.type,
      name: o.name,
      description: o.description,
      required: o.required ?? false,
      autocomplete: o.autocomplete ?? false,
      min_value: o.min_value ?? null,
      max_value: o.max_value ?? null,
      min_length: o.min_length ?? null,
      max_length: o.max_length ?? null,
      channel_types: sorted(o.channel_types),
      choices: o.choices ?? null,
    })),
  };
}

/** Whether the registered commands already match the definitions (order of commands ignored). */
export function sameCommands(registered: readonly Loose[], definitions: readonly CommandDefinition[]): boolean {
  const key = (list: readonly Loose[]) =>
    JSON.stringify(list.map(canonical).sort((a, b) => String(a.name).localeCompare(String(b.name))));
  return key(registered) === key(definitions as unknown as Loose[]);
}

/** Replaces the application's commands, in one guild or globally. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  definitions: readonly CommandDefinition[],
): Promise<Loose[]> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  return (await rest.put(route, { body: definitions })) as Loose[];
}

/** Registers in the guild only when what is there differs; returns whether it had to. */
export async function syncGuildCommands(
  rest: REST,
  applicationId: string,
  guildId: string,
  definitions: readonly CommandDefinition[],
): Promise<'unchanged' | 'updated'> {
  const registered = (await rest.get(Routes.applicationGuildCommands(applicationId, guildId))) as Loose[];
  if (sameCommands(registered, definitions)) return 'unchanged';
  await registerCommands(rest, applicationId, guildId, definitions);
  return 'updated';
}
