import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Library } from '../../content/library.js';
import { noMentions } from './inert.js';
import { LIMITS, truncate } from './limits.js';

/** Up to 25 briefs matching what the user typed so far: prefix matches first, then typo-tolerant ones. */
export function autocompleteChoices(library: Library, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const ref of library.complete(typed.slice(0, 200), LIMITS.choices)) {
    if (ref.slug.length > LIMITS.choiceValue) continue;
    const name = truncate(noMentions(`${ref.title.replace(/\s+/g, ' ').trim()} (${ref.date})`), LIMITS.choiceName);
    choices.push({ name: name || ref.slug, value: ref.slug });
  }
  return choices;
}
