import { setTimeout as sleep } from 'node:timers/promises';
import { Telegraf } from 'telegraf';
import { channelPost, message } from 'telegraf/filters';
import type { Config } from '../../config.js';
import { errorRef, internalErrorText } from '../../core/errors.js';
import { translator } from '../../core/i18n/index.js';
import type { Reply } from '../../core/types.js';
import type { Adapter, AdapterContext } from '../adapter.js';
import { ButtonSlugs } from './callback-data.js';
import { ChatSerial } from './chat-serial.js';
import { HandledUpdates } from './handled-updates.js';
import { onButton, onInline, onText, type HandlerDeps } from './handlers.js';
import { MENU_LANGUAGES, PROFILE, commandMenus } from './menu.js';
import { onMigration } from './migration.js';
import { Moderators } from './moderators.js';
import { Poller } from './poller.js';
import { refusePostFor } from './post-rights.js';
import { renderTelegram } from './render.js';
import { Sender } from './sender.js';
import { untilAnswered } from './startup.js';
import { splitTarget } from './topics.js';
import { limitCallTime } from './timeouts.js';
import { webhookPath, webhookRoutes } from './webhook.js';

const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'inline_query'] as const;
const DRAIN_MS = 5000;
/** Longest wait for any Bot API call that sets no deadline of its own (getUpdates and sends do). */
const CALL_TIMEOUT_MS = 10_000;

export type TelegramConfig = NonNullable<Config['telegram']>;

/** Telegram via telegraf: update -> Invocation -> bot -> render -> the one send path. */
export function createTelegramAdapter(ctx: AdapterContext, config: TelegramConfig): Adapter {
  const { logger } = ctx;
  const bot = new Telegraf(config.token, {
    // telegraf resolves `./bot<token>/<method>` against the root: without the slash a path prefix is lost.
    telegram: { apiRoot: `${config.apiRoot.replace(/\/+$/, '')}/`, webhookReply: false },
    handlerTimeout: 60_000,
  });
  limitCallTime(bot.telegram, CALL_TIMEOUT_MS);
  const sender = new Sender(bot.telegram, logger, { onRateLimited: () => ctx.metrics.rateLimited('telegram') });
  const moderators = new Moderators(bot.telegram, logger);
  const serial = new ChatSerial();
  const deps: HandlerDeps = {
    core: ctx.bot,
    sender,
    moderators,
    logger,
    username: () => bot.botInfo?.username ?? '',
    buttons: new ButtonSlugs(ctx.bot.library),
    answerCallback: (id, text) => bot.telegram.answerCbQuery(id, text),
    answerInline: (id, results) => bot.telegram.answerInlineQuery(id, results, { cache_time: 30 }),
  };

  bot.catch(async (error, tgCtx) => {
    const ref = errorRef();
    logger.error({ err: error, ref, updateId: tgCtx.update.update_id }, 'telegram update failed');
    if (!tgCtx.chat) return;
    const reply: Reply = {
      kind: 'text',
      tone: 'error',
      text: internalErrorText(ref, translator(tgCtx.from?.language_code)),
    };
    await sender.send(String(tgCtx.chat.id), renderTelegram(reply)).catch(() => undefined);
  });
  // Updates of one chat are handled in order; different chats run concurrently.
  bot.use((tgCtx, next) => (tgCtx.chat ? serial.run(String(tgCtx.chat.id), next) : next()));
  bot.on(message('text'), (tgCtx) => onText(deps, tgCtx.message));
  bot.on(channelPost('text'), (tgCtx) => onText(deps, tgCtx.channelPost));
  bot.on(message('migrate_to_chat_id'), (tgCtx) => onMigration(ctx.chatMigrated, logger, tgCtx.message));
  bot.on(message('migrate_from_chat_id'), (tgCtx) => onMigration(ctx.chatMigrated, logger, tgCtx.message));
  bot.on('callback_query', (tgCtx) => onButton(deps, tgCtx.callbackQuery));
  bot.on('inline_query', (tgCtx) => onInline(deps, tgCtx.inlineQuery));

  let poller: Poller | undefined;
  const webhook = config.webhook;
  // Webhook updates are handled in the background; stopping waits for them like for polled ones.
  const inFlight = new Set<Promise<void>>();
  let identified: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (identified = resolve));
  if (webhook) {
    if (!ctx.http) throw new Error('Telegram webhook mode needs the HTTP listener');
    const claim = ctx.claimUpdate;
    ctx.http.register(
      'telegram-webhook',
      webhookRoutes({
        path: webhookPath(webhook.url),
        secret: webhook.secret,
        claim: (updateId) => (claim ? claim('telegram', String(updateId)) : Promise.resolve(true)),
        handle: (update) => {
          const work = ready
            .then(() => bot.handleUpdate(update))
            .catch((err: unknown) => logger.error({ err, updateId: update.update_id }, 'telegram update failed'))
            .finally(() => inFlight.delete(work));
          inFlight.add(work);
        },
        logger,
      }),
    );
  }

  const untilUp = <T>(call: string, run: () => Promise<T>) =>
    untilAnswered(run, { call, apiRoot: config.apiRoot, logger, callTimeoutMs: CALL_TIMEOUT_MS });

  async function publishMenu(): Promise<void> {
    for (const language of [undefined, ...MENU_LANGUAGES]) {
      const lang = language ? { language_code: language } : {};
      for (const [scope, commands] of Object.entries(commandMenus(ctx.bot.commands, language))) {
        const extra = { ...(scope === 'default' ? {} : { scope: { type: scope } as never }), ...lang };
        await bot.telegram.setMyCommands(commands, extra).catch((error: unknown) => {
          logger.warn({ scope, language, err: (error as Error).message }, 'setMyCommands failed');
        });
      }
      const profile = PROFILE[language ?? 'default'];
      await bot.telegram.setMyDescription(profile.description, language).catch((error: unknown) => {
        logger.warn({ language, err: (error as Error).message }, 'setMyDescription failed');
      });
      await bot.telegram.setMyShortDescription(profile.short, language).catch((error: unknown) => {
        logger.warn({ language, err: (error as Error).message }, 'setMyShortDescription failed');
      });
    }
  }

  return {
    platform: 'telegram',
    async start() {
      bot.botInfo = await untilUp('getMe', () => bot.telegram.getMe());
      identified();
      await publishMenu();
      if (webhook) {
        await untilUp('setWebhook', () =>
          bot.telegram.setWebhook(webhook.url, {
            secret_token: webhook.secret,
            allowed_updates: [...ALLOWED_UPDATES],
            drop_pending_updates: false,
          }),
        );
      } else {
        await untilUp('deleteWebhook', () => bot.telegram.deleteWebhook({ drop_pending_updates: false }));
        const claim = ctx.claimUpdate;
        const handled = new HandledUpdates(claim && ((key) => claim('telegram', key)), logger);
        poller = new Poller(bot.telegram, (update) => bot.handleUpdate(update), handled, logger, {
          allowedUpdates: ALLOWED_UPDATES,
        });
        poller.start();
      }
      logger.info({ username: bot.botInfo?.username, mode: webhook ? 'webhook' : 'polling' }, 'telegram bot started');
    },
    async stop() {
      const started = performance.now();
      const left = () => Math.max(0, DRAIN_MS - (performance.now() - started));
      // Updates under way get the grace period; those still running after it stay unconfirmed.
      await Promise.race([
        Promise.all([poller?.settle(DRAIN_MS), Promise.allSettled([...inFlight])]),
        sleep(DRAIN_MS, undefined, { ref: false }),
      ]);
      await sender.drain(left());
      await poller?.confirm();
      moderators.close();
    },
    async deliver(chatId, reply, { bulk, onBehalfOf }) {
      if (onBehalfOf) {
        const refused = await refusePostFor(bot.telegram, splitTarget(chatId).chatId, onBehalfOf.userId);
        if (refused) return refused;
      }
      return sender.send(chatId, renderTelegram(reply), { bulk });
    },
  };
}
