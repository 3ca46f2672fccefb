import { afterEach, describe, expect, it, vi } from 'vitest';
import { Library } from '../../src/content/library.js';
import { Bot } from '../../src/core/bot.js';
import { defineCommand, type Command } from '../../src/core/command.js';
import type { Metrics } from '../../src/core/metrics.js';
import type { CommandLimiter, RateDecision } from '../../src/core/rate-limit.js';
import type { Subscriptions } from '../../src/core/services.js';
import type { Caller, Chat, Platform } from '../../src/core/types.js';
import { memoryLogger } from '../helpers/memory-logger.js';

const group: Chat = { id: 'g1', kind: 'group', platform: 'telegram' };
const dm: Chat = { id: 'u1', kind: 'private', platform: 'telegram' };
const ann: Caller = { id: 'u1', name: 'Ann', isModerator: false };

/** A limiter that answers as told and remembers what it was asked. */
function limiter(decision: RateDecision = 'allow') {
  const asked: { key: string; scale?: number }[] = [];
  const limit: CommandLimiter = {
    check: (key, scale) => {
      asked.push(scale === undefined ? { key } : { key, scale });
      return decision;
    },
    close: () => undefined,
  };
  return { limit, asked };
}

const echo = (name: string, run: Command['run'], extra: Partial<Command> = {}): Command =>
  defineCommand({ name, description: name, options: [], examples: () => [], run, ...extra });

/** Replies with whether the core told it the caller is a moderator. */
const seesModerator = (name: string, extra: Partial<Command>) =>
  echo(
    name,
    ({ invocation }) => ({ kind: 'text', tone: 'info', text: `moderator: ${invocation.user.isModerator}` }),
    extra,
  );

const ping = echo('ping', () => ({ kind: 'text', tone: 'info', text: 'pong' }));

function bot(options: Partial<ConstructorParameters<typeof Bot>[0]> = {}) {
  const { logger, lines } = memoryLogger();
  const b = new Bot({ library: new Library([]), commands: [ping], logger, ...options });
  return { bot: b, lines };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Bot: admission', () => {
  it('counts a person by platform and id, an anonymous admin by chat, and lookups apart with six times the allowance', async () => {
    const { limit, asked } = limiter();
    const { bot: b } = bot({ rateLimiter: limit });
    await b.handleText('/ping', ann, group);
    await b.handleText('/ping', { ...ann, anonymous: true }, group);
    await b.admit(ann, group, 'lookup');
    await b.handleText('/ping', ann, { ...dm, platform: 'console' });
    expect(asked).toEqual([
      { key: 'telegram:u1' },
      { key: 'telegram:chat:g1' },
      { key: 'telegram:lookup:u1', scale: 6 },
      { key: 'console:u1' },
    ]);
  });

  it('asks no limiter for an unlimited platform, nor again for a request already admitted', async () => {
    const { limit, asked } = limiter('drop');
    const { bot: b } = bot({ rateLimiter: limit, unlimited: (platform: Platform) => platform === 'console' });
    expect(await b.handleText('/ping', ann, { ...dm, platform: 'console' })).toMatchObject({ text: 'pong' });
    expect(await b.handle({ command: 'ping', args: {}, user: ann, chat: group }, { admitted: true })).toMatchObject({
      text: 'pong',
    });
    expect(await b.admit(ann, { ...dm, platform: 'console' }, 'lookup')).toBe('allow');
    expect(asked).toEqual([]);
    expect(await b.handleText('/ping', ann, group)).toBeNull();
    expect(await bot().bot.admit(ann, group)).toBe('allow');
  });

  it("warns the first request over the limit in the reader's language", async () => {
    const { bot: b } = bot({ rateLimiter: limiter('warn').limit });
    expect(await b.handleText('/ping', ann, group)).toEqual({
      kind: 'text',
      tone: 'error',
      text: 'You are sending commands too fast. Wait a few seconds and try again.',
      code: 'rate_limited',
    });
    expect(await b.handleText('/ping', { ...ann, locale: 'ru' }, group)).toMatchObject({
      text: 'Вы отправляете команды слишком часто. Подождите несколько секунд и попробуйте снова.',
    });
  });
});

describe('Bot: what operators see', () => {
  it('reports each answer with its command, unknown names as one label, and the time taken in seconds', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const answered: [Platform, string, number][] = [];
    const metrics: Metrics = {
      commandAnswered: (...args) => answered.push(args),
      deliveryEnded: () => undefined,
      rateLimited: () => undefined,
    };
    const slow = echo('slow', () => {
      vi.advanceTimersByTime(1500);
      return { kind: 'text', tone: 'info', text: 'done' };
    });
    const failing = echo('fail', () => {
      vi.advanceTimersByTime(250);
      throw new Error('broken');
    });
    const { bot: b } = bot({ commands: [slow, failing], metrics });
    await b.handleText('/slow', ann, group);
    await b.handleText('/fail', ann, group);
    await b.handleText('/nosuch', ann, dm);
    expect(answered).toEqual([
      ['telegram', 'slow', 1.5],
      ['telegram', 'fail', 0.25],
      ['telegram', 'unknown', 0],
    ]);
  });

  it('logs a failed command with the reference the user was shown, even when what it threw is not an Error', async () => {
    const { bot: b, lines } = bot({ commands: [echo('odd', () => Promise.reject(null))] });
    const reply = await b.handleText('/odd', ann, group);
    const ref = /ref ([0-9a-f]{8})/.exec(reply?.kind === 'text' ? reply.text : '')?.[1];
    expect(ref).toBeDefined();
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'command failed', ref, command: 'odd', platform: 'telegram' }),
    ]);
  });

  it('logs a moderator check that failed, naming the command', async () => {
    const { bot: b, lines } = bot({ commands: [seesModerator('purge', { moderatorOnly: true })] });
    const broken: Caller = { ...ann, isModerator: () => Promise.reject(new Error('getChatMember 500')) };
    expect(await b.handleText('/purge', broken, group)).toMatchObject({ code: 'not_moderator' });
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'moderator check failed',
        command: 'purge',
        err: expect.objectContaining({ message: 'getChatMember 500' }),
      }),
    ]);
  });

  it("answers in the reader's language when the chat's cannot be read, and says so in the log", async () => {
    const says = echo('lang', ({ language }) => ({ kind: 'text', tone: 'info', text: language ?? 'none' }));
    const unreadable = { chatLanguage: () => Promise.reject(new Error('db down')) } as unknown as Subscriptions;
    const { bot: b, lines } = bot({ commands: [says], services: { subscriptions: unreadable } });
    expect(await b.handleText('/lang', { ...ann, locale: 'ru' }, group)).toMatchObject({ text: 'ru' });
    expect(lines).toEqual([
      expect.objectContaining({ msg: "could not read the chat language; using the reader's", err: expect.anything() }),
    ]);
    const quiet = bot({ commands: [says] });
    expect(await quiet.bot.handleText('/lang', { ...ann, locale: 'ru' }, group)).toMatchObject({ text: 'ru' });
    expect(quiet.lines).toEqual([]);
  });
});

describe('Bot: whom it tells a command the caller is a moderator', () => {
  /** A caller who is a moderator, and how often the core asked. */
  function moderator() {
    const who = {
      ...ann,
      asked: 0,
      isModerator: async () => {
        who.asked += 1;
        return true;
      },
    };
    return who;
  }

  it('tells a command that does not depend on it "no", without asking', async () => {
    const mod = moderator();
    const { bot: b } = bot({ commands: [seesModerator('plain', {})] });
    expect(await b.handleText('/plain', mod, group)).toMatchObject({ text: 'moderator: false' });
    expect(mod.asked).toBe(0);
  });

  it('asks for a command whose answer depends on it, in a private chat too', async () => {
    const mod = moderator();
    const { bot: b } = bot({ commands: [seesModerator('help', { readsModerator: true })] });
    expect(await b.handleText('/help', mod, dm)).toMatchObject({ text: 'moderator: true' });
    expect(mod.asked).toBe(1);
  });

  it('does not ask in a private chat for a command limited to moderators only in groups', async () => {
    const mod = moderator();
    const { bot: b } = bot({ commands: [seesModerator('subscribe', { moderatorInGroups: true })] });
    expect(await b.handleText('/subscribe', mod, dm)).toMatchObject({ text: 'moderator: false' });
    expect(mod.asked).toBe(0);
    expect(await b.handleText('/subscribe', mod, group)).toMatchObject({ text: 'moderator: true' });
    expect(mod.asked).toBe(1);
  });
});
