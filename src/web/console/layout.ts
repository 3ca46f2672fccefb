import { escapeHtml } from '../html.js';

export const NAV = [
  { path: '/console/briefs', label: 'Briefs' },
  { path: '/console/chats', label: 'Chats' },
  { path: '/console/deliveries', label: 'Deliveries' },
  { path: '/console/audit', label: 'Audit log' },
] as const;

export interface PageOptions {
  title: string;
  /** Which navigation entry is current. */
  current?: string;
  csrf: string;
  /** Scripts from this origin only (the CSP forbids inline script). */
  scripts?: string[];
}

/** The console's page shell: navigation naming each page plainly, and a Log out button on every page. */
export function consolePage(options: PageOptions, body: string): string {
  const nav = NAV.map(
    (n) => `<a href="${n.path}"${n.path === options.current ? ' aria-current="page"' : ''}>${n.label}</a>`,
  ).join('');
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · briefbot console</title>
<link rel="stylesheet" href="/console/assets/console.css">
${scripts}
</head>
<body>
<header>
<strong>briefbot</strong>
<nav>${nav}</nav>
<form method="post" action="/console/logout"><input type="hidden" name="_csrf" value="${escapeHtml(options.csrf)}"><button type="submit">Log out</button></form>
</header>
<main>
<h1>${escapeHtml(options.title)}</h1>
${body}
</main>
</body>
</html>
`;
}

export function loginPage(message?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in · briefbot console</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body class="login">
<main>
<h1>briefbot console</h1>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/console/login">
<label>Password <input type="password" name="password" autocomplete="current-password" required autofocus></label>
<button type="submit">Log in</button>
</form>
</main>
</body>
</html>
`;
}

/** A table with a header row; cells are already HTML. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Previous / next links for a server-side paged list. */
export function pager(basePath: string, query: URLSearchParams, page: number, hasNext: boolean): string {
  const link = (p: number, label: string) => {
    const q = new URLSearchParams(query);
    q.set('page', String(p));
    return `<a href="${escapeHtml(`${basePath}?${q.toString()}`)}">${label}</a>`;
  };
  const parts = [page > 1 ? link(page - 1, '← Previous') : '', `Page ${page}`, hasNext ? link(page + 1, 'Next →') : ''];
  return `<nav class="pager">${parts.filter(Boolean).join(' ')}</nav>`;
}
