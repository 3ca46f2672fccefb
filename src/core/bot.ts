import type { Library } from '../content/library.js';
import { closest, distance } from 'fastest-levenshtein';
import { bindArgs } from './bind-args.js';
import { needsModeratorCheck, usageLine, type Command, type CommandContext } from './command.js';
import { UserError, errorRef, internalErrorText } from './errors.js';
import type { Logger } from './logger.js';
import { noMetrics, type Metrics } from './metrics.js';
import { parseLine, type ParsedLine } from './parse-line.js';
import type { CommandLimiter, RateDecision } from './rate-limit.js';
import { requireServices, type CommandServices, type Subscriptions } from './services.js';
import { commandWords, translator } from './i18n/index.js';
import { canonicalLanguage } from '../shared/language.js';
import type { Caller, Chat, Invocation, Platform, Reply, Request } from './types.js';
import { validateArgs } from './validate-args.js';

export interface BotOptions {
  library: Library;
  commands: readonly Command[];
  logger: Logger;
  rateLimiter?: CommandLimiter;
  services?: Partial<CommandServices>;
  /** Platforms whose users skip the rate limit (a local terminal). */
  unlimited?: (platform: Platform) => boolean;
  metrics?: Metrics;
}

/** Autocomplete and inline queries fire at every keystroke: they get this many times the command allowance. */
const LOOKUPS_PER_COMMAND = 6;

/** What an answer costs: a command (or a button that runs one), or a lookup while typing. */
export type Demand = 'command' | 'lookup';

const text = (tone: 'info' | 'usage' | 'error', message: string, code: string): Reply => ({
  kind: 'text',
  text: message,
  tone,
  code,
});

export const SLOW_DOWN = text('error', translator('en')('bot.slowDown'), 'rate_limited');

/** The platform-neutral heart: Invocation in, Reply out. Never throws. */
export class Bot {
  readonly library: Library;
  readonly commands: readonly Command[];
  readonly services: CommandServices;
  private readonly byName: Map<string, Command>;
  private readonly logger: Logger;
  private readonly rateLimiter: CommandLimiter | undefined;
  private readonly unlimited: ((platform: Platform) => boolean) | undefined;
  private readonly metrics: Metrics;
  private readonly chatSettings: Subscriptions | undefined;

  constructor(options: BotOptions) {
    this.library = options.library;
    this.commands = options.commands;
    this.services = requireServices(options.services ?? {});
    this.logger = options.logger;
    this.rateLimiter = options.rateLimiter;
    this.unlimited = options.unlimited;
    this.metrics = options.metrics ?? noMetrics;
    this.chatSettings = options.services?.subscriptions;
    this.byName = new Map(options.commands.map((c) => [c.name, c]));
  }

  command(name: string): Command | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Parses a typed line; undefined when the text is not a command (plain chat). */
  async handleText(line: string, user: Caller, chat: Chat): Promise<Reply | null | undefined> {
    const parsed = parseLine(line);
    return parsed ? this.handleLine(parsed, user, chat) : undefined;
  }

  /** A line the adapter has had parsed already (to route it): its words are bound to the options here. */
  async handleLine(line: Pick<ParsedLine, 'command' | 'rest'>, user: Caller, chat: Chat): Promise<Reply | null> {
    const command = this.command(line.command);
    if (!command) return this.handle({ command: line.command, args: {}, user, chat });
    const bound = bindArgs(command, line.rest);
    if (!bound.ok) return this.usage(command, undefined, await this.languageOf(chat, user.locale));
    return this.handle({ command: command.name, args: bound.args, user, chat });
  }

  /**
   * Counts one more request of this user (of the chat, for anonymous admins) against the rate
   * limit, before any work is done for it. Unlimited platforms (the terminal) always pass.
   */
  async admit(user: Pick<Caller, 'id' | 'anonymous'>, chat: Chat, demand: Demand = 'command'): Promise<RateDecision> {
    if (!this.rateLimiter || this.unlimited?.(chat.platform)) return 'allow';
    const who = user.anonymous ? `chat:${chat.id}` : user.id;
    if (demand === 'command') return this.rateLimiter.check(`${chat.platform}:${who}`);
    return this.rateLimiter.check(`${chat.platform}:lookup:${who}`, LOOKUPS_PER_COMMAND);
  }

  /**
   * Runs one request. `null` means: send nothing (rate-limited repeat offender).
   * `admitted`: the caller already counted it with `admit`.
   */
  async handle(request: Request, { admitted = false }: { admitted?: boolean } = {}): Promise<Reply | null> {
    const started = performance.now();
    try {
      return await this.answer(request, admitted);
    } finally {
      // Unknown names share one label, so that typed garbage cannot grow the metrics without bound.
      const name = this.command(request.command)?.name ?? 'unknown';
      this.metrics.commandAnswered(request.chat.platform, name, (performance.now() - started) / 1000);
    }
  }

  private async answer(request: Request, admitted: boolean): Promise<Reply | null> {
    if (!admitted) {
      const decision = await this.admit(request.user, request.chat);
      if (decision === 'drop') return null;
      if (decision === 'warn') return text('error', translator(request.user.locale)('bot.slowDown'), 'rate_limited');
    }
    const language = await this.languageOf(request.chat, request.user.locale);
    const t = translator(language);
    const command = this.command(request.command);
    if (!command) return this.unknown(request.command, language);
    const invocation: Invocation = {
      ...request,
      user: { ...request.user, isModerator: await this.isModerator(command, request) },
    };
    if (command.moderatorOnly && !invocation.user.isModerator) {
      return text('error', t('bot.moderatorsOnly', { command: command.name }), 'not_moderator');
    }
    if (command.moderatorInGroups && invocation.chat.kind !== 'private' && !invocation.user.isModerator) {
      return text('error', t('bot.moderatorsInGroups', { command: command.name }), 'not_moderator');
    }
    if (command.contexts === 'groups' && invocation.chat.kind === 'private') {
      return text('error', t('bot.groupsOnly', { command: command.name }), 'wrong_context');
    }
    const validated = validateArgs(command, invocation.args, t);
    if (!validated.ok) return this.usage(command, validated.problem, language);
    const ctx: CommandContext = {
      ...(language ? { language } : {}),
      invocation,
      args: validated.args,
      library: this.library,
      commands: this.commands,
      services: this.services,
    };
    try {
      const reply = await command.run(ctx);
      return language ? { ...reply, lang: language } : reply;
    } catch (error) {
      // A layer may wrap a user-facing error (the store wraps every failure it sees): its words still apply.
      const shown = error instanceof UserError ? error : (error as { cause?: unknown } | null)?.cause;
      if (shown instanceof UserError) return text('error', shown.message, shown.code);
      const ref = errorRef();
      this.logger.error(
        { err: error, ref, command: command.name, platform: invocation.chat.platform },
        'command failed',
      );
      return text('error', internalErrorText(ref, t), 'internal');
    }
  }

  /** Asks the adapter only when the command depends on it; a failed check counts as no. */
  private async isModerator(command: Command, request: Request): Promise<boolean> {
    const check = request.user.isModerator;
    if (typeof check === 'boolean') return check;
    if (!needsModeratorCheck(command) && !command.readsModerator) return false;
    if (command.moderatorInGroups && !command.moderatorOnly && request.chat.kind === 'private') return false;
    try {
      return await check();
    } catch (err) {
      this.logger.warn({ err, command: command.name }, 'moderator check failed');
      return false;
    }
  }

  /** The chat's chosen language wins over the reader's own; an unreadable setting is no setting. */
  private async languageOf(chat: Chat, locale: string | undefined): Promise<string | undefined> {
    let chosen: string | undefined;
    try {
      chosen = await this.chatSettings?.chatLanguage({ platform: chat.platform, chatId: chat.id });
    } catch (err) {
      this.logger.warn({ err }, "could not read the chat language; using the reader's");
    }
    return canonicalLanguage(chosen) ?? canonicalLanguage(locale);
  }

  usage(command: Command, problem?: string, locale?: string): Reply {
    const t = translator(locale);
    const examples = command.examples(this.library).slice(0, 3);
    const lines = [
      ...(problem ? [problem] : []),
      t('bot.usage', { line: usageLine(command) }),
      commandWords(command, locale).description,
      ...(examples.length > 0 ? [t('bot.examples', { examples: examples.join(', ') })] : []),
    ];
    return text('usage', lines.join('\n'), 'usage');
  }

  private unknown(name: string, locale?: string): Reply {
    const t = translator(locale);
    const shown = name.length > 32 ? `${name.slice(0, 32)}…` : name;
    const names = this.commands.map((c) => c.name);
    // No command at all: no guess.
    const guess: string | undefined = closest(name.toLowerCase(), names);
    const hint =
      guess && distance(guess, name.toLowerCase()) <= 2 ? ` ${t('bot.didYouMeanCommand', { command: guess })}` : '';
    return text(
      'usage',
      `${t('bot.unknownCommand', { command: shown })}${hint} ${t('bot.typeHelp')}`,
      'unknown_command',
    );
  }
}
