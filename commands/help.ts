import { defineCommand, usableBy, usageLine } from '../src/core/command.js';

export default defineCommand({
  name: 'help',
  description: 'List the commands, or explain one of them.',
  options: [{ name: 'command', description: 'A command name, e.g. brief', type: 'string', required: false, max: 64 }],
  readsModerator: true,
  examples: () => ['/help', '/help brief'],
  run({ args, commands, library, invocation }) {
    const visible = commands.filter((c) => usableBy(c, invocation));
    const wanted = args.command === undefined ? undefined : String(args.command).replace(/^\//, '').toLowerCase();
    if (wanted === undefined) {
      const lines = visible.map((c) => `${usageLine(c)} - ${c.description}`);
      return {
        kind: 'text',
        tone: 'info',
        text: ['Commands:', ...lines, '', 'Type /help <command> for details.'].join('\n'),
      };
    }
    const command = visible.find((c) => c.name === wanted);
    if (!command) {
      const names = visible.map((c) => `/${c.name}`).join(', ');
      return {
        kind: 'text',
        tone: 'usage',
        text: `There is no command called "${wanted.slice(0, 32)}". Commands: ${names}.`,
      };
    }
    const options = command.options.map((o) => `  ${o.name}${o.required ? '' : ' (optional)'}: ${o.description}`);
    const examples = command.examples(library);
    return {
      kind: 'text',
      tone: 'info',
      text: [
        `Usage: ${usageLine(command)}`,
        command.description,
        ...(options.length > 0 ? ['Options:', ...options] : []),
        ...(examples.length > 0 ? [`Examples: ${examples.join(', ')}`] : []),
        ...(command.moderatorOnly ? ['Moderators only.'] : []),
      ].join('\n'),
    };
  },
});
