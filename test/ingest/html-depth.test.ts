import { describe, expect, it } from 'vitest';
import { assertShallowMarkup } from '../../src/ingest/html-depth.js';

describe('assertShallowMarkup', () => {
  it('refuses markup nested deeper than browsers go, before building a tree', () => {
    expect(() => assertShallowMarkup(`<body>${'<section>'.repeat(513)}`)).toThrow(/nested more than 512 levels/);
  });

  it('passes long pages of unclosed paragraphs, closed divs, void elements and scripts', () => {
    const page = [
      '<!-- <div><div> -->',
      '<p>one <br> two <img src=x>'.repeat(2000),
      '<div><span>x</span></div>'.repeat(2000),
      `<script>${'<div>'.repeat(600)}</script>`,
      '<li>item'.repeat(1000),
    ].join('');
    expect(() => assertShallowMarkup(page)).not.toThrow();
  });
});
