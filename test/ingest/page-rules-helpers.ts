import { ingest, type Ingested } from '../../src/ingest/ingest.js';

/** Three paragraphs of plain reporting, enough for the tool to find an article. */
export const STORY = `
  <p>The harbour board approved a new wharf for Port Calder on Tuesday after a debate that lasted six hours and drew 40 speakers.</p>
  <p>Work on the $40 million wharf will begin in 2026 and should take about two years, the board said in a statement.</p>
  <p>Critics of the plan say the wharf will cost far more than the 40 million dollars the board has set aside for it.</p>
  <p>The board expects the first ships to berth at the wharf in the spring of 2028, when 12 cranes will be in service.</p>`;

/** A page assembled from a head and a body, drafted in memory. */
export function draftOf(head: string, body: string, title = 'Wharf approved'): Ingested {
  const text = `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><article><h1>Wharf approved</h1>${body}</article></body></html>`;
  return ingest({ text, kind: 'html', name: 'page.html' }, { today: '2024-06-01' });
}
