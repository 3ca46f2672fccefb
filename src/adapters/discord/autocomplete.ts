import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Library } from '../../content/library.js';
import { refIn } from '../../content/versions.js';
import { noMentions } from './inert.js';
import { LIMITS, truncate } from './limits.js';

/**
 * Up to 25 briefs matching what the user typed so far: prefix matches first, then typo-tolerant
 * ones, each named by the title of its version in the reader's language.
 */
export function autocompleteChoices(
  library: Library,
  typed: string,
  language?: string,
): ApplicationCommandOptionChoiceData<string>[] {
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const found of library.complete(typed.slice(0, 200), LIMITS.choices)) {
    if (found.slug.length > LIMITS.choiceValue) continue;
    const ref = refIn(library, found, language);
    const name = truncate(noMentions(`${ref.title.replace(/\s+/g, ' ').trim()} (${ref.date})`), LIMITS.choiceName);
    choices.push({ name: name || ref.slug, value: ref.slug });
  }
  return choices;
}
