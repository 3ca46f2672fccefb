import { invalid, required, tooLong, tooShort, type Issue } from './discord-errors.js';

/**
 * Discord's limits on message, embed, component and command bodies, as the API enforces them
 * (the same numbers discord.js's builders validate against).
 */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  choices: 25,
  commandOptions: 25,
  commands: 100,
  commandDescription: 100,
} as const;

type Body = Record<string, unknown>;
type Path = Issue['path'];

const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const length = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

function maxLength(issues: Issue[], path: Path, value: unknown, max: number): void {
  if (length(value) > max) issues.push(tooLong(path, max));
}

function lengthBetween(issues: Issue[], path: Path, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string') issues.push(required(path));
  else if (length(value) < min) issues.push(tooShort(path, min));
  else if (length(value) > max) issues.push(tooLong(path, max));
}

/** Characters that count towards the 6,000 over all embeds. */
function embedCharacters(embed: Body): number {
  const fields = Array.isArray(embed.fields) ? (embed.fields as unknown[]).filter(isObject) : [];
  return (
    length(embed.title) +
    length(embed.description) +
    length(isObject(embed.footer) ? embed.footer.text : undefined) +
    length(isObject(embed.author) ? embed.author.name : undefined) +
    fields.reduce((sum, f) => sum + length(f.name) + length(f.value), 0)
  );
}

function checkEmbed(issues: Issue[], embed: unknown, path: Path): void {
  if (!isObject(embed)) return void issues.push(invalid(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used'));
  maxLength(issues, [...path, 'title'], embed.title, LIMITS.title);
  maxLength(issues, [...path, 'description'], embed.description, LIMITS.description);
  if (isObject(embed.footer)) maxLength(issues, [...path, 'footer', 'text'], embed.footer.text, LIMITS.footer);
  if (isObject(embed.author)) maxLength(issues, [...path, 'author', 'name'], embed.author.name, LIMITS.author);
  for (const key of ['url'] as const) {
    const url = text(embed[key]);
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
      issues.push(invalid([...path, key], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.'));
  }
  if (embed.fields === undefined) return;
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  if (fields.length > LIMITS.fields) issues.push(tooLong([...path, 'fields'], LIMITS.fields));
  fields.forEach((field: unknown, i) => {
    const at = [...path, 'fields', i];
    const f = isObject(field) ? field : {};
    lengthBetween(issues, [...at, 'name'], f.name, 1, LIMITS.fieldName);
    lengthBetween(issues, [...at, 'value'], f.value, 1, LIMITS.fieldValue);
  });
}

function checkButton(issues: Issue[], button: Body, path: Path, ids: Set<string>): void {
  const style = Number(button.style);
  if (!(style >= 1 && style <= 6))
    issues.push(invalid([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.'));
  maxLength(issues, [...path, 'label'], button.label, LIMITS.buttonLabel);
  if (button.label === undefined && button.emoji === undefined)
    issues.push(invalid(path, 'BUTTON_COMPONENT_INVALID', 'A button must have a label or an emoji'));
  if (style === 5) {
    if (text(button.url) === undefined) issues.push(required([...path, 'url']));
    if (button.custom_id !== undefined)
      issues.push(
        invalid(
          [...path, 'custom_id'],
          'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
          'A link button cannot have a custom id',
        ),
      );
    return;
  }
  if (button.url !== undefined)
    issues.push(invalid([...path, 'url'], 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'Only link buttons may have a url'));
  checkCustomId(issues, button.custom_id, [...path, 'custom_id'], ids);
}

function checkCustomId(issues: Issue[], id: unknown, path: Path, ids: Set<string>): void {
  lengthBetween(issues, path, id, 1, LIMITS.customId);
  if (typeof id !== 'string') return;
  if (ids.has(id))
    issues.push(invalid(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'));
  ids.add(id);
}

function checkComponents(issues: Issue[], rows: unknown): void {
  if (rows === undefined) return;
  const list = Array.isArray(rows) ? rows : [];
  if (list.length > LIMITS.actionRows) issues.push(tooLong(['components'], LIMITS.actionRows));
  const ids = new Set<string>();
  list.forEach((row: unknown, r) => {
    const at: Path = ['components', r];
    if (!isObject(row) || row.type !== 1)
      return void issues.push(invalid(at, 'UNION_TYPE_CHOICES', 'Top-level components must be action rows'));
    const children = Array.isArray(row.components) ? (row.components as unknown[]) : [];
    if (children.length < 1) issues.push(tooShort([...at, 'components'], 1));
    if (children.length > LIMITS.rowComponents) issues.push(tooLong([...at, 'components'], LIMITS.rowComponents));
    children.forEach((child, c) => {
      const path: Path = [...at, 'components', c];
      if (!isObject(child)) return void issues.push(required(path));
      if (child.type === 2) return checkButton(issues, child, path, ids);
      if ([3, 5, 6, 7, 8].includes(Number(child.type))) {
        if (children.length > 1)
          issues.push(invalid(path, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'A select menu takes a whole action row'));
        checkCustomId(issues, child.custom_id, [...path, 'custom_id'], ids);
        const options = Array.isArray(child.options) ? child.options : [];
        if (options.length > LIMITS.selectOptions) issues.push(tooLong([...path, 'options'], LIMITS.selectOptions));
        return;
      }
      issues.push(
        invalid([...path, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).'),
      );
    });
  });
}

/**
 * A message body the bot creates or edits. `creating`: a new message (channel post, interaction
 * reply, follow-up) must carry something and, from this bot, `allowed_mentions`.
 */
export function checkMessage(body: unknown, { creating }: { creating: boolean }): Issue[] {
  const issues: Issue[] = [];
  const b = isObject(body) ? body : {};
  if (b.content !== undefined && b.content !== null) maxLength(issues, ['content'], b.content, LIMITS.content);
  if (b.embeds !== undefined && b.embeds !== null) {
    const embeds = Array.isArray(b.embeds) ? b.embeds : [];
    if (embeds.length > LIMITS.embeds) issues.push(tooLong(['embeds'], LIMITS.embeds));
    embeds.forEach((embed: unknown, i) => checkEmbed(issues, embed, ['embeds', i]));
    const total = embeds.filter(isObject).reduce((sum, e) => sum + embedCharacters(e), 0);
    if (total > LIMITS.embedTotal)
      issues.push(
        invalid(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`),
      );
  }
  checkComponents(issues, b.components);
  const mentions = b.allowed_mentions;
  if (
    mentions !== undefined &&
    (!isObject(mentions) || (mentions.parse !== undefined && !Array.isArray(mentions.parse)))
  )
    issues.push(invalid(['allowed_mentions'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used'));
  if (creating && mentions === undefined) issues.push(required(['allowed_mentions']));
  return issues;
}

/** Whether a new message would be empty (Discord: 50006). */
export function isEmptyMessage(body: unknown): boolean {
  const b = isObject(body) ? body : {};
  const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v !== '' : false);
  return !has(b.content) && !has(b.embeds) && !has(b.components) && !has(b.attachments) && !has(b.poll);
}

/** Autocomplete answers: at most 25 choices, names 1-100, values at most 100. */
export function checkChoices(body: unknown): Issue[] {
  const issues: Issue[] = [];
  const choices = isObject(body) && Array.isArray(body.choices) ? (body.choices as unknown[]) : undefined;
  if (!choices) return [required(['choices'])];
  if (choices.length > LIMITS.choices) issues.push(tooLong(['choices'], LIMITS.choices));
  choices.forEach((choice, i) => {
    const c = isObject(choice) ? choice : {};
    lengthBetween(issues, ['choices', i, 'name'], c.name, 1, 100);
    if (typeof c.value === 'string') maxLength(issues, ['choices', i, 'value'], c.value, 100);
  });
  return issues;
}

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(issues: Issue[], path: Path, name: unknown): void {
  if (typeof name !== 'string') return void issues.push(required(path));
  if (!NAME.test(name) || name !== name.toLowerCase())
    issues.push(invalid(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
}

function checkOptions(issues: Issue[], options: unknown, path: Path): void {
  if (options === undefined) return;
  const list = Array.isArray(options) ? options : [];
  if (list.length > LIMITS.commandOptions) issues.push(tooLong(path, LIMITS.commandOptions));
  let optionalSeen = false;
  const names = new Set<string>();
  list.forEach((option: unknown, i) => {
    const at: Path = [...path, i];
    const o = isObject(option) ? option : {};
    checkName(issues, [...at, 'name'], o.name);
    if (typeof o.name === 'string' && names.has(o.name))
      issues.push(
        invalid([...at, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique'),
      );
    names.add(String(o.name));
    lengthBetween(issues, [...at, 'description'], o.description, 1, LIMITS.commandDescription);
    if (o.required === true && optionalSeen)
      issues.push(
        invalid(
          at,
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        ),
      );
    if (o.required !== true) optionalSeen = true;
    if (o.choices !== undefined) {
      const choices = Array.isArray(o.choices) ? o.choices : [];
      if (choices.length > LIMITS.choices) issues.push(tooLong([...at, 'choices'], LIMITS.choices));
      if (o.autocomplete === true)
        issues.push(
          invalid([...at, 'autocomplete'], 'AUTOCOMPLETE_AND_CHOICES', 'Autocomplete cannot be set with choices'),
        );
    }
    checkOptions(issues, o.options, [...at, 'options']);
  });
}

/** A bulk overwrite of application commands (PUT .../commands). */
export function checkCommands(body: unknown): Issue[] {
  if (!Array.isArray(body)) return [invalid([], 'MODEL_TYPE_CONVERT', 'Only iterables may be used in a ListType')];
  const issues: Issue[] = [];
  if (body.length > LIMITS.commands) issues.push(tooLong([], LIMITS.commands));
  const names = new Set<string>();
  body.forEach((command: unknown, i) => {
    const c = isObject(command) ? command : {};
    checkName(issues, [i, 'name'], c.name);
    const key = `${String(c.type ?? 1)}:${String(c.name)}`;
    if (names.has(key))
      issues.push(
        invalid([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique'),
      );
    names.add(key);
    if ((c.type ?? 1) === 1) lengthBetween(issues, [i, 'description'], c.description, 1, LIMITS.commandDescription);
    checkOptions(issues, c.options, [i, 'options']);
  });
  return issues;
}
