/**
 * The one neutral layout between a Reply and the platforms: `toCard` builds it once, and each
 * platform maps it to its own payload (Telegram HTML, a Discord embed, plain text). Wording
 * lives here and in `to-card.ts`; a mapping decides only how things look.
 */
import { translator, type Translate } from './i18n/index.js';

export type Tone = 'info' | 'usage' | 'error';

/** Runs `/command` with one option set, as if the user had typed `/command value`. */
export interface CardAction {
  command: string;
  option: string;
  value: string;
}

/** One line of a list: a fact, a source, a brief to open, a topic. */
export interface CardItem {
  text: string;
  /** Shown after the text in brackets: a source's publisher and date, a date, a count. */
  detail?: string;
  /** Where the text links to (a source). */
  url?: string;
  /** What the line opens, shown as `/command value` where there are no buttons. */
  action?: CardAction;
}

/** Words and commands; a platform may set the commands apart (Telegram shows them as code). */
export type Inline = string | { command: string };

export type CardBlock =
  /** Free text: a summary or a message; may hold line breaks. */
  | { type: 'text'; text: string }
  | {
      type: 'list';
      /** A stable name mappings may use (`facts`, `sources`, `related`, `suggestions`, `items`, `topics`). */
      name: string;
      heading?: string;
      items: CardItem[];
      numbered?: boolean;
      /** Every item is also one of the card's buttons: a platform showing those may leave the lines out. */
      offeredAsButtons?: boolean;
    }
  /** The original article the card summarises. */
  | { type: 'article'; url: string; publisher: string }
  /** Which page this is, and the command that shows the next one. */
  | { type: 'paging'; number: number; of: number; command: string }
  /** A closing line that says what to type next. */
  | { type: 'hint'; parts: Inline[] };

export type CardButton = { label: string; url: string } | { label: string; action: CardAction };

export interface Card {
  tone: Tone;
  /** Only the person who asked should see it, where the platform can do that. */
  private: boolean;
  title?: string;
  /** Marks a subscription update. */
  label?: 'New' | 'Updated';
  /** The label in the reader's language: short (`New`) and long (`New brief`). */
  labelText?: string;
  labelLong?: string;
  /** The language of the content shown. */
  lang?: string;
  /** The language of the bot's own words around it (`cardWords` reads them); English when absent. */
  ui?: string;
  /** Where the title links to. */
  url?: string;
  /** Who published it and when: written once, shown by every platform. */
  byline?: string;
  /** The date the content last changed (`YYYY-MM-DD`). */
  date?: string;
  topics?: string[];
  /** What a colour is derived from (the main topic); the tone's colour when absent. */
  accent?: string;
  blocks: CardBlock[];
  /** Rows of buttons, for platforms that have them. */
  buttons: CardButton[][];
  /** False: links in the card are not expanded into previews. */
  linkPreviews?: false;
}

export const isLinkButton = (button: CardButton): button is { label: string; url: string } => 'url' in button;

/** The plain form of inline parts. */
export const inlineText = (parts: readonly Inline[]): string =>
  parts.map((part) => (typeof part === 'string' ? part : part.command)).join('');

/** `/brief kazakh-camps`: how an action reads where it cannot be a button. */
export const actionText = (action: CardAction): string => `/${action.command} ${action.value}`;

/** The bot's words in the card's language, for a mapping's own labels (`Topics`, `Read the original article`). */
export const cardWords = (card: Pick<Card, 'ui'>): Translate => translator(card.ui);

/** `Page 2 of 3`, with the next page's command when there is one. */
export function pagingText(
  paging: { number: number; of: number; command: string },
  t: Translate = translator('en'),
): { page: string; next?: string } {
  const page = t('card.page', { number: paging.number, of: paging.of });
  return paging.number < paging.of ? { page, next: `/${paging.command} ${paging.number + 1}` } : { page };
}
