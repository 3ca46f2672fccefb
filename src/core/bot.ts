import type { Library } from '../content/library.js';
import { closest, distance } from 'fastest-levenshtein';
import { bindArgs } from './bind-args.js';
import { usageLine, type Command, type CommandContext, type Services } from './command.js';
import { UserError, errorRef } from './errors.js';
import type { Logger } from './logger.js';
import { noMetrics, type Metrics } from './metrics.js';
import { parseLine } from './parse-line.js';
import type { CommandLimiter } from './rate-limit.js';
import type { Chat, Invocation, Reply, User } from './types.js';
import { validateArgs } from './validate-args.js';

export interface BotOptions {
  library: Library;
  commands: readonly Command[];
  logger: Logger;
  rateLimiter?: CommandLimiter;
  services?: Services;
  metrics?: Metrics;
}

const text = (tone: 'info' | 'usage' | 'error', message: string, code?: string): Reply =>
  code === undefined ? { kind: 'text', text: message, tone } : { kind: 'text', text: message, tone, code };

/** The platform-neutral heart: Invocation in, Reply out. Never throws. */
export class Bot {
  readonly library: Library;
  readonly commands: readonly Command[];
  readonly services: Services;
  private readonly byName: Map<string, Command>;
  private readonly logger: Logger;
  private readonly rateLimiter: CommandLimiter | undefined;
  private readonly metrics: Metrics;

  constructor(options: BotOptions) {
    this.library = options.library;
    this.commands = options.commands;
    this.services = options.services ?? {};
    this.logger = options.logger;
    this.rateLimiter = options.rateLimiter;
    this.metrics = options.metrics ?? noMetrics;
    this.byName = new Map(options.commands.map((c) => [c.name, c]));
  }

  command(name: string): Command | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Parses a typed line; undefined when the text is not a command (plain chat). */
  async handleText(line: string, user: User, chat: Chat): Promise<Reply | null | undefined> {
    const parsed = parseLine(line);
    if (!parsed) return undefined;
    const command = this.command(parsed.command);
    if (!command) return this.handle({ command: parsed.command, args: {}, user, chat });
    const bound = bindArgs(command, parsed.rest);
    if (!bound.ok) return this.usage(command);
    return this.handle({ command: command.name, args: bound.args, user, chat });
  }

  /** Runs one invocation. `null` means: send nothing (rate-limited repeat offender). */
  async handle(invocation: Invocation): Promise<Reply | null> {
    const started = performance.now();
    try {
      return await this.answer(invocation);
    } finally {
      // Unknown names share one label, so that typed garbage cannot grow the metrics without bound.
      const name = this.command(invocation.command)?.name ?? 'unknown';
      this.metrics.commandAnswered(invocation.chat.platform, name, (performance.now() - started) / 1000);
    }
  }

  private async answer(invocation: Invocation): Promise<Reply | null> {
    if (invocation.chat.platform !== 'console' && this.rateLimiter) {
      const decision = await this.rateLimiter.check(`${invocation.chat.platform}:${invocation.user.id}`);
      if (decision === 'drop') return null;
      if (decision === 'warn')
        return text('error', 'You are sending commands too fast. Wait a few seconds and try again.', 'rate_limited');
    }
    const command = this.command(invocation.command);
    if (!command) return this.unknown(invocation.command);
    if (command.moderatorOnly && !invocation.user.isModerator) {
      return text('error', `Only moderators can use /${command.name}.`, 'not_moderator');
    }
    if (command.moderatorInGroups && invocation.chat.kind !== 'private' && !invocation.user.isModerator) {
      return text('error', `In groups only moderators and admins can use /${command.name}.`, 'not_moderator');
    }
    if (command.contexts === 'groups' && invocation.chat.kind === 'private') {
      return text('error', `/${command.name} works in groups and channels, not in private chats.`, 'wrong_context');
    }
    const validated = validateArgs(command, invocation.args);
    if (!validated.ok) return this.usage(command, validated.problem);
    const ctx: CommandContext = {
      invocation,
      args: validated.args,
      library: this.library,
      commands: this.commands,
      services: this.services,
    };
    try {
      return await command.run(ctx);
    } catch (error) {
      if (error instanceof UserError) return text('error', error.message, error.code);
      const ref = errorRef();
      this.logger.error(
        { err: error, ref, command: command.name, platform: invocation.chat.platform },
        'command failed',
      );
      return text('error', `Something went wrong on our side (ref ${ref}). Please try again in a moment.`, 'internal');
    }
  }

  usage(command: Command, problem?: string): Reply {
    const examples = command.examples(this.library).slice(0, 3);
    const lines = [
      ...(problem ? [problem] : []),
      `Usage: ${usageLine(command)}`,
      command.description,
      ...(examples.length > 0 ? [`Examples: ${examples.join(', ')}`] : []),
    ];
    return text('usage', lines.join('\n'), 'usage');
  }

  private unknown(name: string): Reply {
    const shown = name.length > 32 ? `${name.slice(0, 32)}…` : name;
    const names = this.commands.map((c) => c.name);
    const guess = names.length > 0 ? closest(name.toLowerCase(), names) : undefined;
    const hint = guess && distance(guess, name.toLowerCase()) <= 2 ? ` Did you mean /${guess}?` : '';
    return text('usage', `There is no command /${shown}.${hint} Type /help to see what I can do.`, 'unknown_command');
  }
}
