import type { Catalogue } from '../catalogue.js';

/** Слова бота по-русски; ключи и подстановки те же, что в en.ts. */
const ru: Catalogue = {
  card: {
    keyFacts: 'Главное',
    sources: 'Источники',
    related: 'По теме',
    didYouMean: 'Возможно, вы имели в виду',
    new: 'Новое',
    updated: 'Обновлено',
    newBrief: 'Новая справка',
    updatedBrief: 'Справка обновлена',
    byline: '{{publisher}} · опубликовано {{published}}',
    bylineUpdated: '{{publisher}} · опубликовано {{published}}, обновлено {{updated}}',
    noMatch: 'По запросу «{{query}}» справок нет.',
    previous: 'Назад',
    next: 'Дальше',
    briefCount_one: '{{count}} справка',
    briefCount_few: '{{count}} справки',
    briefCount_many: '{{count}} справок',
    briefCount_other: '{{count}} справки',
    typeToRead: ['Наберите ', ', чтобы прочитать.'],
    lookElsewhere: ['Наберите ', ', чтобы увидеть темы, или ', ', чтобы искать по всем справкам.'],
    fallback: 'На языке «{{wanted}}» пока нет: показано на языке «{{shown}}». Есть на языках: {{available}}.',
  },
  bot: {
    slowDown: 'Вы отправляете команды слишком часто. Подождите несколько секунд и попробуйте снова.',
    moderatorsOnly: 'Команда /{{command}} доступна только модераторам.',
    moderatorsInGroups: 'В группах команду /{{command}} могут использовать только модераторы и администраторы.',
    groupsOnly: 'Команда /{{command}} работает в группах и каналах, а не в личных чатах.',
    unknownCommand: 'Команды /{{command}} нет.',
    didYouMeanCommand: 'Возможно, вы имели в виду /{{command}}?',
    typeHelp: 'Наберите /help, чтобы узнать, что я умею.',
    usage: 'Как использовать: {{line}}',
    examples: 'Примеры: {{examples}}',
  },
  language: {
    set: 'Теперь в этом чате справки показываются на языке: {{language}}.',
    cleared: 'Теперь в этом чате справки показываются на языке каждого читателя.',
    current: 'В этом чате справки показываются на языке: {{language}}.',
    unset:
      'В этом чате справки показываются на языке каждого читателя. Выберите язык: /language <код>, например /language ru.',
    unknown: '«{{code}}» — неизвестный код языка. Укажите код вроде en, ru или kk либо «auto».',
  },
};

export default ru;
