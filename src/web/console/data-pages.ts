import { escapeHtml } from '../html.js';
import type { ConsoleData, DeliveryFilter, DeliveryStatus, PostFilter } from '../../store/console-data.js';
import { pager, table } from './layout.js';
import type { PostOutcome } from '../../store/data-store.js';

export const PAGE_SIZE = 50;
const STATUSES: readonly DeliveryStatus[] = ['pending', 'done', 'failed', 'dropped', 'superseded'];
const OUTCOMES: readonly PostOutcome[] = ['ok', 'gone', 'forbidden', 'failed', 'unavailable'];

const time = (ms: number | undefined): string =>
  ms === undefined ? '' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const pageOf = (query: URLSearchParams): number => Math.max(1, Math.min(100_000, Number(query.get('page')) || 1));
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

/** Rows for one page plus whether another follows (one extra row is asked for). */
async function paged<T>(query: URLSearchParams, load: (offset: number, limit: number) => Promise<T[]>) {
  const page = pageOf(query);
  const rows = await load((page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
  return { page, rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

export async function chatsBody(data: ConsoleData, query: URLSearchParams, csrf: string): Promise<string> {
  const { page, rows, hasNext } = await paged(query, (o, l) => data.subscriptions(o, l));
  const resume = (platform: string, chatId: string) =>
    `<form method="post" action="/console/chats/resume"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="platform" value="${escapeHtml(platform)}"><input type="hidden" name="chat" value="${escapeHtml(chatId)}"><button type="submit">Resume</button></form>`;
  const body = rows.map((s) => [
    escapeHtml(s.platform),
    escapeHtml(s.chatId),
    escapeHtml(s.topic),
    s.active ? 'following' : `paused: ${escapeHtml(s.pausedReason ?? 'unreachable')}`,
    escapeHtml(time(s.createdAt.getTime())),
    s.active ? '' : resume(s.platform, s.chatId),
  ]);
  const headers = ['Platform', 'Chat', 'Topic', 'State', 'Since', ''];
  return table(headers, body, 'No chat follows a topic yet.') + pager('/console/chats', query, page, hasNext);
}

export async function deliveriesBody(data: ConsoleData, query: URLSearchParams): Promise<string> {
  const status = oneOf(STATUSES, query.get('status'));
  const filter: DeliveryFilter = {
    ...(status ? { status } : {}),
    ...(query.get('slug') ? { slug: query.get('slug')! } : {}),
  };
  const { page, rows, hasNext } = await paged(query, (o, l) => data.deliveries(filter, o, l));
  const options = ['', ...STATUSES]
    .map((s) => `<option value="${s}"${s === (status ?? '') ? ' selected' : ''}>${s || 'any status'}</option>`)
    .join('');
  const form = `<form method="get" class="filters"><label>Status <select name="status">${options}</select></label> <label>Brief <input name="slug" value="${escapeHtml(filter.slug ?? '')}"></label> <button type="submit">Filter</button></form>`;
  const body = rows.map((d) => [
    `<a href="/console/briefs/${encodeURIComponent(d.slug)}">${escapeHtml(d.slug)}</a> <code>${escapeHtml(d.version.slice(0, 8))}</code>`,
    `${escapeHtml(d.platform)} ${escapeHtml(d.chatId)}`,
    escapeHtml(d.label),
    escapeHtml(d.status),
    String(d.attempts),
    escapeHtml(time(d.createdAt)),
    escapeHtml(time(d.finishedAt)),
    escapeHtml(d.lastError ?? ''),
  ]);
  const headers = ['Brief version', 'Where', 'Label', 'Status', 'Attempts', 'Owed since', 'Finished', 'Reason'];
  return form + table(headers, body, 'No deliveries match.') + pager('/console/deliveries', query, page, hasNext);
}

const dateMs = (value: string | null, endOfDay: boolean): number | undefined => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) ? ms + (endOfDay ? 86_400_000 - 1 : 0) : undefined;
};

export async function auditBody(data: ConsoleData, query: URLSearchParams): Promise<string> {
  const outcome = oneOf(OUTCOMES, query.get('outcome'));
  const from = dateMs(query.get('from'), false);
  const to = dateMs(query.get('to'), true);
  const filter: PostFilter = {
    ...(query.get('who') ? { who: query.get('who')! } : {}),
    ...(query.get('where') ? { where: query.get('where')! } : {}),
    ...(outcome ? { outcome } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
  const { page, rows, hasNext } = await paged(query, (o, l) => data.posts(filter, o, l));
  const input = (name: string, label: string, type = 'text') =>
    `<label>${label} <input type="${type}" name="${name}" value="${escapeHtml(query.get(name) ?? '')}"></label>`;
  const options = ['', ...OUTCOMES]
    .map((s) => `<option value="${s}"${s === (outcome ?? '') ? ' selected' : ''}>${s || 'any outcome'}</option>`)
    .join('');
  const form = `<form method="get" class="filters">${input('who', 'Who')} ${input('where', 'Where')} <label>Outcome <select name="outcome">${options}</select></label> ${input('from', 'From', 'date')} ${input('to', 'To', 'date')} <button type="submit">Filter</button></form>`;
  const body = rows.map((p) => [
    escapeHtml(time(p.at.getTime())),
    `${escapeHtml(p.userName)} <small>${escapeHtml(p.userId)}</small>`,
    `${escapeHtml(p.platform)} ${escapeHtml(p.targetChatId)}`,
    `<a href="/console/briefs/${encodeURIComponent(p.slug)}">${escapeHtml(p.slug)}</a>`,
    escapeHtml(p.outcome),
    escapeHtml(p.detail ?? ''),
  ]);
  const headers = ['When', 'Who', 'Where', 'Brief', 'Outcome', 'Detail'];
  return form + table(headers, body, 'No posts match.') + pager('/console/audit', query, page, hasNext);
}
