import { clearLine, cursorTo, type Interface } from 'node:readline';
import type { Writable } from 'node:stream';
import { wrapText } from './wrap.js';

export type TerminalStream = Writable & { isTTY?: boolean; columns?: number };

/**
 * The terminal the console adapter draws on. Anything printed while the prompt waits for the
 * user (log lines, subscription updates) goes above it: the prompt line is cleared, the text
 * printed, and the prompt redrawn with whatever the user had typed.
 */
export class Screen {
  private rl: Interface | undefined;
  private prompting = false;

  constructor(
    readonly out: TerminalStream,
    readonly err: TerminalStream,
  ) {}

  attach(rl: Interface): void {
    this.rl = rl;
  }

  prompt(): void {
    this.prompting = true;
    this.rl?.prompt();
  }

  /** The user pressed Enter: the prompt line is theirs and finished. */
  answered(): void {
    this.prompting = false;
  }

  close(): void {
    this.prompting = false;
    this.rl = undefined;
  }

  /** Reply text wrapped at the terminal's width; unchanged when output is not a terminal. */
  fit(text: string): string {
    return this.out.isTTY && this.out.columns ? wrapText(text, this.out.columns) : text;
  }

  print(text: string, to: 'out' | 'err' = 'out'): void {
    const stream = to === 'out' ? this.out : this.err;
    if (!this.prompting || !this.rl || !this.out.isTTY) {
      stream.write(text);
      return;
    }
    clearLine(this.out, 0);
    cursorTo(this.out, 0);
    stream.write(text);
    this.rl.prompt(true);
  }
}
