import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { renderText } from '../../core/render-text.js';
import { translator } from '../../core/i18n/index.js';
import type { Reply } from '../../core/types.js';
import type { Adapter, AdapterContext } from '../adapter.js';
import { asCommand, consoleChat, consoleUser, isFailure } from './io.js';
import { Screen, type TerminalStream } from './screen.js';

export interface ConsoleOptions {
  input: Readable & { isTTY?: boolean };
  output: TerminalStream;
  /** Where the terminal's logs go; shared with the logger so that they print above the prompt. */
  screen?: Screen;
  /** Called when the user quits or input ends; `failed` when any reply was a miss or an error. */
  onClose: (failed: boolean) => void;
}

const QUIT = new Set(['/quit', '/exit', '/q']);

/** Answers one line as the terminal would; `undefined` when there is nothing to print. */
export async function answerLine(ctx: AdapterContext, line: string): Promise<Reply | undefined> {
  const text = asCommand(line);
  if (!text) return undefined;
  const reply = await ctx.bot.handleText(text, consoleUser(), consoleChat);
  if (reply === undefined)
    return { kind: 'text', tone: 'usage', text: translator(consoleUser().locale)('bot.slashFirst') };
  return reply ?? undefined;
}

/** A readline REPL over the same commands; no prompt when input is not a terminal. */
export function createConsoleAdapter(ctx: AdapterContext, options: ConsoleOptions): Adapter {
  const interactive = options.input.isTTY === true;
  const screen = options.screen ?? new Screen(options.output, process.stderr);
  let rl: ReturnType<typeof createInterface> | undefined;
  let chain = Promise.resolve();
  let failed = false;
  let closed = false;

  return {
    platform: 'console',
    async start() {
      rl = createInterface({
        input: options.input,
        output: options.output,
        terminal: interactive,
        prompt: 'briefbot> ',
      });
      screen.attach(rl);
      if (interactive) {
        const n = ctx.store.library.size;
        const greeting = `briefbot: ${n} brief${n === 1 ? '' : 's'} loaded. Type /help to start, /quit to leave.`;
        options.output.write(`${screen.fit(greeting)}\n`);
        screen.prompt();
      }
      rl.on('line', (line) => {
        if (closed) return;
        screen.answered();
        if (QUIT.has(asCommand(line).toLowerCase())) {
          closed = true;
          rl?.close();
          return;
        }
        chain = chain.then(async () => {
          const reply = await answerLine(ctx, line);
          if (reply) options.output.write(`${screen.fit(renderText(reply))}\n\n`);
          if (reply && isFailure(reply)) failed = true;
          if (interactive && !closed) screen.prompt();
        });
      });
      rl.on('close', () => {
        closed = true;
        void chain.then(() => {
          screen.close();
          if (interactive) options.output.write('\n');
          options.onClose(failed);
        });
      });
    },
    async stop() {
      rl?.close();
      await chain;
    },
    // Subscription updates for the terminal's one chat are printed between replies, above the prompt.
    async deliver(chatId, reply) {
      if (chatId !== consoleChat.id) return { ok: false, reason: 'gone', detail: 'the terminal has one chat only' };
      const printed = chain.then(() => screen.print(`${screen.fit(renderText(reply))}\n\n`));
      chain = printed;
      await printed;
      return { ok: true, messageIds: [] };
    },
  };
}
