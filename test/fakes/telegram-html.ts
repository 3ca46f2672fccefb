/** Telegram's HTML parse mode, as strictly as Telegram applies it. */

export type HtmlParse = { ok: true; text: string } | { ok: false; error: string };

/** Link targets Telegram accepts in `<a href>`; anything else (javascript:, relative) fails. */
const LINK_SCHEME = /^(https?:\/\/[^\s/?#]+|tg:\/\/\S+|mailto:[^\s@]+@\S+)/i;

const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'span',
  'tg-spoiler',
  'blockquote',
  'tg-emoji',
]);
const ENTITY = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntity(name: string): string {
  if (name in NAMED) return NAMED[name]!;
  const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
}

/** Telegram's HTML parse mode, strictly: unknown tags, unbalanced tags and bare `&` fail. */
export function parseTelegramHtml(html: string): HtmlParse {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const at = (index: number) => `at byte offset ${Buffer.byteLength(html.slice(0, index))}`;
  const fail = (message: string): HtmlParse => ({ ok: false, error: `can't parse entities: ${message}` });
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '&') {
      const entity = ENTITY.exec(html.slice(i, i + 12));
      if (!entity) return fail(`Unsupported HTML entity ${at(i)}`);
      text += decodeEntity(entity[1]!);
      i += entity[0].length;
    } else if (ch === '<') {
      const close = html.indexOf('>', i);
      if (close < 0) return fail(`Unclosed start tag ${at(i)}`);
      const inner = html.slice(i + 1, close);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        if (stack.length === 0) return fail(`Unexpected end tag ${at(i)}`);
        const open = stack.pop()!;
        if (open !== name) return fail(`Can't find end tag corresponding to start tag "${open}"`);
      } else {
        const match = /^([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-z-]+\s*=\s*"[^"]*")*)\s*$/.exec(inner);
        const name = (match?.[1] ?? /^[^\s>]*/.exec(inner)![0]).toLowerCase();
        if (!TAGS.has(name)) return fail(`Unsupported start tag "${name}" ${at(i)}`);
        if (!match) return fail(`Unclosed start tag ${at(i)}`);
        if (name === 'a') {
          const href = /href\s*=\s*"([^"]*)"/.exec(match[2] ?? '')?.[1];
          if (href === undefined) return fail(`Can't find href in <a> tag ${at(i)}`);
          if (href.includes('&') && !/^(?:[^&]|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)*$/.test(href))
            return fail(`Unsupported HTML entity in attribute ${at(i)}`);
          const url = href.replace(/&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_, name: string) =>
            decodeEntity(name),
          );
          if (!LINK_SCHEME.test(url)) return fail(`Wrong URL "${url}" in href of <a> tag ${at(i)}`);
          if (stack.includes('a')) return fail(`Nested links are not allowed ${at(i)}`);
        }
        if (stack.includes('code') || stack.includes('pre')) {
          if (!(name === 'code' && stack[stack.length - 1] === 'pre'))
            return fail(`Entities inside code are not allowed ${at(i)}`);
        }
        stack.push(name);
      }
      i = close + 1;
    } else {
      let end = i + 1;
      while (end < html.length && html[end] !== '<' && html[end] !== '&') end += 1;
      text += html.slice(i, end);
      i = end;
    }
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return { ok: true, text };
}
