/** The console's stylesheet: chat-like previews for Telegram and Discord, plain tables elsewhere. */
export const CONSOLE_CSS = `body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f7; }
header { display: flex; gap: 1.5rem; align-items: center; padding: 0.6rem 1.2rem; background: #20232a; color: #fff; }
header nav { display: flex; gap: 1rem; flex: 1; }
header a { color: #cfe3ff; text-decoration: none; }
header a[aria-current="page"] { color: #fff; font-weight: 600; border-bottom: 2px solid #fff; }
header form { margin: 0; }
main { padding: 1rem 1.5rem; }
body.login main { max-width: 22rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
.error { color: #b00020; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #e3e3e6; vertical-align: top; }
td form { margin: 0; }
.filters { margin-bottom: 0.8rem; display: flex; gap: 0.8rem; flex-wrap: wrap; align-items: end; }
.pager { margin: 0.8rem 0; display: flex; gap: 1rem; }
.errors li { margin: 0.2rem 0; } .errors .file { font-family: ui-monospace, monospace; }
.previews { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; }
.preview h2 { font-size: 1rem; color: #555; }
.preview.telegram { background: #cfdfb3; padding: 1rem; border-radius: 8px; }
.tg-bubble { background: #fff; border-radius: 12px; padding: 0.5rem 0.75rem; margin-bottom: 0.6rem; max-width: 30rem; }
.tg-text { white-space: pre-wrap; word-wrap: break-word; }
.tg-text a { color: #168acd; } .tg-text code { font-family: ui-monospace, monospace; color: #c2185b; }
.tg-text blockquote { border-left: 3px solid #168acd; margin: 0.3rem 0; padding-left: 0.5rem; }
.tg-row { display: flex; gap: 4px; margin-top: 4px; }
.tg-button { flex: 1; text-align: center; background: rgba(0,0,0,0.25); color: #fff; border-radius: 6px; padding: 0.3rem; font-size: 0.85rem; }
.spoiler { background: #999; color: transparent; }
.preview.discord { background: #313338; color: #dbdee1; padding: 1rem; border-radius: 8px; }
.dc-embed { display: flex; background: #2b2d31; border-radius: 4px; max-width: 32rem; overflow: hidden; }
.dc-bar { width: 4px; min-height: 100%; flex: none; }
.dc-body { padding: 0.5rem 1rem 0.75rem 0.75rem; }
.dc-author { font-size: 0.85rem; font-weight: 600; margin-top: 0.3rem; }
.dc-title { display: block; font-weight: 600; color: #00a8fc; margin: 0.3rem 0; text-decoration: none; }
.dc-description { font-size: 0.9rem; }
.dc-fields { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin-top: 0.5rem; }
.dc-field { flex: 1 1 100%; font-size: 0.88rem; } .dc-field.inline { flex: 1 1 30%; }
.dc-name { font-weight: 600; margin-bottom: 2px; }
.dc-footer { font-size: 0.75rem; color: #b5bac1; margin-top: 0.5rem; }
.dc-message a { color: #00a8fc; }
.dc-row { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.dc-button { background: #4e5058; color: #fff; border-radius: 3px; padding: 0.3rem 0.9rem; font-size: 0.85rem; text-decoration: none; }
.source { white-space: pre-wrap; font-size: 0.8rem; background: #fff; padding: 0.5rem; }
`;

/** Reloads a preview when the server says the content changed (server-sent events). */
export const LIVE_JS = `'use strict';
const live = document.getElementById('live');
if (live && window.EventSource) {
  const events = new EventSource(live.dataset.events);
  events.addEventListener('change', async () => {
    const res = await fetch(live.dataset.preview, { credentials: 'same-origin' });
    if (res.ok) {
      live.innerHTML = await res.text();
      live.dataset.version = String(Number(live.dataset.version || 0) + 1);
    }
  });
}
`;
