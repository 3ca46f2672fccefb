import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderText } from '../../core/render-text.js';
import type { Reply } from '../../core/types.js';
import type { Adapter, AdapterContext } from '../adapter.js';
import { asCommand, consoleChat, consoleUser } from './io.js';

export interface ConsoleOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable;
  /** Called when the user quits or input ends. */
  onClose: () => void;
}

const QUIT = new Set(['/quit', '/exit', '/q']);

/** Answers one line as the terminal would; `undefined` when there is nothing to print. */
export async function answerLine(ctx: AdapterContext, line: string): Promise<Reply | undefined> {
  const text = asCommand(line);
  if (!text) return undefined;
  const reply = await ctx.bot.handleText(text, consoleUser(), consoleChat);
  if (reply === undefined)
    return { kind: 'text', tone: 'usage', text: 'Commands start with a slash. Type /help to see them.' };
  return reply ?? undefined;
}

/** A readline REPL over the same commands; no prompt when input is not a terminal. */
export function createConsoleAdapter(ctx: AdapterContext, options: ConsoleOptions): Adapter {
  const interactive = options.input.isTTY === true;
  let rl: ReturnType<typeof createInterface> | undefined;
  let chain = Promise.resolve();

  return {
    platform: 'console',
    async start() {
      rl = createInterface({
        input: options.input,
        output: options.output,
        terminal: interactive,
        prompt: 'briefbot> ',
      });
      if (interactive) {
        const n = ctx.store.library.size;
        options.output.write(
          `briefbot: ${n} brief${n === 1 ? '' : 's'} loaded. Type /help to start, /quit to leave.\n`,
        );
        rl.prompt();
      }
      rl.on('line', (line) => {
        if (QUIT.has(asCommand(line).toLowerCase())) {
          rl?.close();
          return;
        }
        chain = chain.then(async () => {
          const reply = await answerLine(ctx, line);
          if (reply) options.output.write(`${renderText(reply)}\n\n`);
          if (interactive) rl?.prompt();
        });
      });
      rl.on('close', () => {
        void chain.then(() => {
          if (interactive) options.output.write('\n');
          options.onClose();
        });
      });
    },
    async stop() {
      rl?.close();
      await chain;
    },
    // Subscription updates for the terminal's one chat are printed between replies.
    async deliver(chatId, reply) {
      if (chatId !== consoleChat.id) return { ok: false, reason: 'gone', detail: 'the terminal has one chat only' };
      const printed = chain.then(() => {
        options.output.write(`${renderText(reply)}\n\n`);
        if (interactive) rl?.prompt();
      });
      chain = printed;
      await printed;
      return { ok: true, messageIds: [] };
    },
  };
}
