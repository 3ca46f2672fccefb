import { badRequest } from './telegram-errors.js';
import { parseTelegramHtml } from './telegram-html.js';

type Params = Record<string, unknown>;

/** The text of a message as Telegram stores it, or the error it answers with. */
export function messageText(params: Params, field = 'text'): string {
  const raw = params[field];
  if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('message text is empty');
  let text = raw;
  if (params.parse_mode === 'HTML') {
    const parsed = parseTelegramHtml(raw);
    if (!parsed.ok) throw badRequest(parsed.error);
    text = parsed.text;
  } else if (params.parse_mode !== undefined) {
    throw badRequest('unsupported parse_mode');
  }
  text = text.trim();
  if (text === '') throw badRequest('message text is empty');
  if (text.length > 4096) throw badRequest('message is too long');
  return text;
}

export function checkKeyboard(markup: unknown): void {
  if (markup === undefined) return;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) throw badRequest('object expected as reply markup');
  for (const row of rows) {
    if (!Array.isArray(row))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row as { text?: unknown; callback_data?: unknown; url?: unknown }[]) {
      if (typeof button.text !== 'string' || button.text === '')
        throw badRequest('text buttons are unallowed in the inline keyboard');
      if (button.callback_data !== undefined) {
        const data = String(button.callback_data);
        const bytes = Buffer.byteLength(data);
        if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
      } else if (button.url === undefined) {
        throw badRequest(
          "can't parse inline keyboard button: InlineKeyboardButton must have exactly one optional field",
        );
      }
    }
  }
}
