import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/ingest/decode.js';
import { IngestError } from '../../src/ingest/errors.js';
import { ingest } from '../../src/ingest/ingest.js';

const PARAGRAPHS = [
  'Городской совет Самары одобрил строительство нового моста через Волгу стоимостью 12 миллиардов рублей во вторник.',
  '«Мы ждали этого решения 20 лет», — сказал мэр города, который поддерживает проект с 2019 года.',
  'Строительство начнётся весной 2026 года и займёт около трёх лет, сообщили в администрации.',
  'Противники проекта считают, что мост обойдётся городу в два раза дороже, чем 12 миллиардов рублей.',
];

describe('pages that are not what they seem', () => {
  it('drafts a page with no <body> element from its text', () => {
    const text = `<html><head><title>Wharf approved</title><meta property="og:site_name" content="Harbour Ledger"></head>
      <p>The harbour board approved a new wharf for Port Calder on Tuesday after a debate that lasted six hours.</p>
      <p>Work on the $40 million wharf will begin in 2026 and should take about two years, the board said.</p>
      <p>Critics say the wharf will cost far more than the 40 million dollars the board has set aside for it.</p></html>`;
    const result = ingest({ text, kind: 'html', name: 'nobody.html' }, { today: '2024-06-01' });
    expect(result.article.publisher).toBe('Harbour Ledger');
    expect(result.summary).toMatch(/^The harbour board approved/);
  });

  it('refuses binary garbage with one sentence, whatever the bytes', () => {
    for (let i = 0; i < 20; i++) {
      const bytes = randomBytes(4096);
      bytes[0] = 0x01;
      expect(() => decodeInput(bytes, 'garbage.html')).toThrow(IngestError);
    }
  });

  it('drafts a page in Russian with «» quotations kept whole and balanced', () => {
    const text = `<html lang="ru"><head><title>Мост через Волгу</title><meta property="og:site_name" content="Самарские новости">
      <meta property="article:published_time" content="2024-05-14T10:00:00+04:00"></head>
      <body><article><h1>Мост через Волгу</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const result = ingest({ text, kind: 'html', name: 'ru.html' }, { today: '2024-06-01' });
    expect(result.article).toMatchObject({ lang: 'ru', publisher: 'Самарские новости', published: '2024-05-14' });
    expect(result.summary.length).toBeGreaterThan(0);
    for (const text of [result.summary, ...result.facts]) {
      expect((text.match(/«/g) ?? []).length).toBe((text.match(/»/g) ?? []).length);
    }
    expect(result.draft.text).toContain('Самарские новости');
  });
});
