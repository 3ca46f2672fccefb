import { defineCommand } from '../src/core/command.js';
import { translator } from '../src/core/i18n/index.js';
import { canonicalLanguage, languageName } from '../src/shared/language.js';

const CLEAR = new Set(['auto', 'off', 'reset', 'default']);

export default defineCommand({
  name: 'language',
  description: "Choose the language this chat reads briefs in ('auto': each reader's own).",
  options: [
    { name: 'code', description: 'A language code such as en, ru or kk', type: 'string', required: false, max: 40 },
  ],
  moderatorInGroups: true,
  examples: () => ['/language ru', '/language auto'],
  async run({ args, invocation, services, language }) {
    const chat = { platform: invocation.chat.platform, chatId: invocation.chat.id };
    const requested = args.code === undefined ? undefined : String(args.code).trim();
    if (requested === undefined || requested === '') {
      const current = await services.subscriptions.chatLanguage(chat);
      const t = translator(current ?? language);
      const text = current ? t('language.current', { language: languageName(current) }) : t('language.unset');
      return { kind: 'text', tone: 'info', text };
    }
    if (CLEAR.has(requested.toLowerCase())) {
      await services.subscriptions.setChatLanguage(chat, undefined);
      return { kind: 'text', tone: 'info', text: translator(invocation.user.locale)('language.cleared') };
    }
    const chosen = canonicalLanguage(requested);
    if (!chosen) {
      const shown = requested.length > 20 ? `${requested.slice(0, 20)}…` : requested;
      return { kind: 'text', tone: 'usage', text: translator(language)('language.unknown', { code: shown }) };
    }
    await services.subscriptions.setChatLanguage(chat, chosen);
    return { kind: 'text', tone: 'info', text: translator(chosen)('language.set', { language: languageName(chosen) }) };
  },
});
