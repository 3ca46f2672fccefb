import { describe, expect, it } from 'vitest';
import { decodeInput, looksLikeHtml } from '../../src/ingest/decode.js';
import { IngestError } from '../../src/ingest/errors.js';
import { decodeWindows1252 } from '../../src/ingest/windows-1252.js';

const decode = (bytes: Uint8Array, options = {}) => decodeInput(bytes, 'page', options);

describe('decodeInput', () => {
  it('reads UTF-8, dropping a byte-order mark', () => {
    expect(decode(Buffer.from('\uFEFFCafé “quoted”', 'utf8')).text).toBe('Café “quoted”');
  });

  it('reads UTF-16 in either byte order when it starts with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Zürich</p>', 'utf16le')]);
    expect(decode(le)).toEqual({ text: '<p>Zürich</p>', kind: 'html' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe('<p>Zürich</p>');
  });

  it('honours a declared charset, reading windows-1252 as browsers do', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>'),
      Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0xa3, 0x32]),
      Buffer.from('</p></body></html>'),
    ]);
    expect(decode(page).text).toContain('“Café” €5 – £2');
  });

  it('honours other encodings TextDecoder knows', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>'),
      Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]),
      Buffer.from('</body></html>'),
    ]);
    expect(decode(page).text).toContain('Привет');
  });

  it('lets --encoding override what the bytes say', () => {
    expect(decode(Buffer.from([0x43, 0x61, 0x66, 0xe9]), { encoding: 'windows-1252' }).text).toBe('Café');
  });

  it.each([
    ['empty input', Buffer.alloc(0), /is empty/],
    ['only white space', Buffer.from(' \n\t\n'), /is empty/],
    ['NUL bytes', Buffer.from('text\u0000more'), /binary/],
    ['many control characters', Buffer.from('\u0001\u0002\u0003\u0004 abc'.repeat(50)), /binary/],
    ['a gzip stream', Buffer.from([0x1f, 0x8b, 0x08, 0x00]), /gzip/],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), /JPEG/],
    ['a ZIP or Word file', Buffer.from('PK\u0003\u0004rest'), /ZIP/],
    [
      'invalid UTF-8 with no declared charset',
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]),
      /not valid UTF-8/,
    ],
    ['an unknown declared charset', Buffer.from('<meta charset="klingon-1">text'), /unknown text encoding "klingon-1"/],
    ['an unknown --encoding', Buffer.from('text'), /unknown text encoding "nope"/],
  ])('refuses %s with a plain sentence', (_what, bytes, message) => {
    const options = _what === 'an unknown --encoding' ? { encoding: 'nope' } : {};
    expect(() => decode(bytes, options)).toThrow(IngestError);
    expect(() => decode(bytes, options)).toThrow(message);
  });
});

describe('looksLikeHtml', () => {
  it('tells markup from scraped text', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('  <div class="x"><p>Hi</p></div>')).toBe(true);
    expect(looksLikeHtml('The council said <b> was not allowed.')).toBe(false);
    expect(looksLikeHtml('Plain words.\nMore words.')).toBe(false);
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte, the five bytes windows-1252 leaves undefined to themselves', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect(all[0x80]).toBe('€');
    expect(all[0x81]).toBe('\u0081');
    expect(all[0x9f]).toBe('Ÿ');
    expect(all[0xe9]).toBe('é');
  });
});
