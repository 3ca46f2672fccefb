import { defineCommand, usableBy, usageLine } from '../src/core/command.js';
import { commandWords, translator } from '../src/core/i18n/index.js';

export default defineCommand({
  name: 'help',
  description: 'List the commands, or explain one of them.',
  options: [{ name: 'command', description: 'A command name, e.g. brief', type: 'string', required: false, max: 64 }],
  readsModerator: true,
  examples: () => ['/help', '/help brief'],
  run({ args, commands, library, invocation, language }) {
    const t = translator(language);
    const visible = commands.filter((c) => usableBy(c, invocation));
    const wanted = args.command === undefined ? undefined : String(args.command).replace(/^\//, '').toLowerCase();
    if (wanted === undefined) {
      const lines = visible.map((c) => `${usageLine(c)} - ${commandWords(c, language).description}`);
      return {
        kind: 'text',
        tone: 'info',
        text: [t('help.commands'), ...lines, '', t('help.details')].join('\n'),
      };
    }
    const command = visible.find((c) => c.name === wanted);
    if (!command) {
      const names = visible.map((c) => `/${c.name}`).join(', ');
      return { kind: 'text', tone: 'usage', text: t('help.noSuchCommand', { name: wanted.slice(0, 32), names }) };
    }
    const words = commandWords(command, language);
    const options = command.options.map(
      (o) => `  ${o.name}${o.required ? '' : ` ${t('help.optional')}`}: ${words.option(o)}`,
    );
    const examples = command.examples(library);
    return {
      kind: 'text',
      tone: 'info',
      text: [
        t('bot.usage', { line: usageLine(command) }),
        words.description,
        ...(options.length > 0 ? [t('help.options'), ...options] : []),
        ...(examples.length > 0 ? [t('bot.examples', { examples: examples.join(', ') })] : []),
        ...(command.moderatorOnly ? [t('help.moderatorsOnly')] : []),
      ].join('\n'),
    };
  },
});
