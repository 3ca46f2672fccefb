/**
 * Russian names and descriptions of the commands and their options, for platforms' command menus
 * (Discord name_localizations, Telegram setMyCommands for language_code ru). Names follow
 * Discord's rule: lower case, no spaces, at most 32 characters.
 */
export interface CommandWords {
  name: string;
  description: string;
  options?: Record<string, { name: string; description: string }>;
}

export const COMMANDS_RU: Record<string, CommandWords> = {
  brief: {
    name: 'справка',
    description: 'Справка по теме: кратко, главные факты и источники.',
    options: { topic: { name: 'тема', description: 'Тема, название или slug, например синьцзян' } },
  },
  topics: {
    name: 'темы',
    description: 'Темы и сколько по ним справок.',
    options: { page: { name: 'страница', description: 'Номер страницы' } },
  },
  search: {
    name: 'поиск',
    description: 'Искать по всем справкам.',
    options: { words: { name: 'слова', description: 'Что искать' } },
  },
  latest: {
    name: 'новые',
    description: 'Последние опубликованные или обновлённые справки.',
    options: { count: { name: 'сколько', description: 'Сколько показать (до 20)' } },
  },
  subscribe: {
    name: 'подписаться',
    description: 'Получать в этом чате новые и обновлённые справки по теме.',
    options: {
      topic: { name: 'тема', description: 'Тема, например синьцзян' },
      format: {
        name: 'формат',
        description: 'full (по умолчанию), compact (строка и ссылка) или headline (заголовок)',
      },
      previews: { name: 'превью', description: 'Превью ссылок под каждым обновлением: on (по умолчанию) или off' },
      channel: {
        name: 'канал',
        description: 'Канал, форум или ветка, которые будут следить за темой вместо этого чата',
      },
      publish: { name: 'рассылка', description: 'В канале объявлений: публиковать обновления на подписанных серверах' },
    },
  },
  unsubscribe: {
    name: 'отписаться',
    description: 'Больше не получать справки по теме в этом чате.',
    options: { topic: { name: 'тема', description: 'Тема, на которую подписан чат' } },
  },
  subscriptions: { name: 'подписки', description: 'Темы, на которые подписан этот чат.' },
  post: {
    name: 'опубликовать',
    description: 'Модераторам: опубликовать справку в этом чате или в указанном канале.',
    options: {
      topic: { name: 'тема', description: 'Тема или slug справки' },
      channel: { name: 'канал', description: 'Куда опубликовать' },
      publish: { name: 'рассылка', description: 'В канале объявлений: опубликовать и на подписанных серверах' },
    },
  },
  status: { name: 'состояние', description: 'Модераторам: справки, ошибки в текстах, подписки, платформы.' },
  language: {
    name: 'язык',
    description: 'Язык справок в этом чате (auto — язык каждого читателя).',
    options: { code: { name: 'код', description: 'Код языка, например ru, en или kk' } },
  },
  help: {
    name: 'помощь',
    description: 'Список команд или подробности об одной из них.',
    options: { command: { name: 'команда', description: 'Название команды, например brief' } },
  },
};
