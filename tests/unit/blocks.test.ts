import { describe, expect, it } from 'vitest';
import {
  blockKinds,
  blockTag,
  blockToHtml,
  blockToMarkdown,
  blockToText,
  parseBlockTag,
  textBlock,
  textBlocks,
} from '../../core/blocks.js';
import { catalog, pageLabel } from '../../core/catalog/index.js';
import { escapeHtml } from '../../core/text.js';
import type { ActivityType } from '../../core/types.js';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('text blocks', () => {
  it('renders every block for all 40 types, non-empty and citing its page', () => {
    for (const type of catalog.activityTypes) {
      const blocks = textBlocks(type);
      expect(blocks.map((b) => b.kind)).toEqual([...blockKinds]);
      for (const b of blocks) {
        for (const out of [blockToText(b), blockToMarkdown(b), blockToHtml(b)]) {
          expect(out.length, `${b.id}`).toBeGreaterThan(80);
          expect(out, b.id).toContain(pageLabel(type));
          expect(out, b.id).toContain('Inspirations- og vidensKatalog');
        }
        expect(b.id).toBe(`${type.id}/${b.kind}`);
        expect(b.version).toMatch(new RegExp(`^${catalog.edition.id}#\\d+$`));
      }
    }
  });

  it('states the evidence with the verbatim verdict', () => {
    for (const type of catalog.activityTypes) {
      const text = blockToText(textBlock(type, 'evidens'));
      expect(flat(text)).toContain(flat(type.verdict));
      expect(text).toContain(type.evidence === 'documented' ? 'har dokumenteret virkning' : 'ikke har dokumenteret virkning');
    }
  });

  it('lists the prerequisites as a checklist, exactly', () => {
    for (const type of catalog.activityTypes) {
      const b = textBlock(type, 'forudsaetninger');
      const list = b.nodes.find((n) => n.type === 'list');
      expect(list).toMatchObject({ checklist: true, items: type.prerequisites });
      expect(blockToMarkdown(b)).toContain(`- [ ] `);
    }
  });

  it('fills the description skeleton with the catalogue’s own sentences and marks placeholders', () => {
    for (const type of catalog.activityTypes) {
      const b = textBlock(type, 'beskrivelse');
      const headings = b.nodes.filter((n) => n.type === 'heading' && n.level === 3).map((n) => (n as { text: string }).text);
      expect(headings).toEqual([
        'Formål',
        'Målgruppe',
        'Indhold og metode',
        'Samarbejdspartnere',
        'Ressourcer og kompetencer',
        'Mål, succeskriterier og milepæle',
        'Evidensgrundlag',
      ]);
      const source = flat(Object.values(type.sections).map((s) => s.blocks.map((x) => (x.type === 'list' ? x.items.join(' ') : x.text)).join(' ')).join(' '));
      for (const n of b.nodes) {
        if (n.type === 'paragraph' && n.role === 'guidance') {
          expect(source, type.id).toContain(flat(n.text.replace(/^Fra kataloget: /, '')));
        }
      }
      expect(b.nodes.filter((n) => n.type === 'placeholder').length).toBeGreaterThanOrEqual(7);
      expect(blockToText(b)).toMatch(/\[Beskriv formålet/);
    }
  });

  it('condenses the advice from the catalogue only', () => {
    for (const type of catalog.activityTypes) {
      const b = textBlock(type, 'anbefalinger');
      const source = flat(Object.values(type.sections).map((s) => s.text.replace(/•/g, ' ')).join(' '));
      const items = b.nodes.flatMap((n) => (n.type === 'list' ? n.items : []));
      expect(items.length, type.id).toBeGreaterThanOrEqual(4);
      for (const item of items) expect(source, `${type.id}: ${item}`).toContain(flat(item));
    }
  });

  it('escapes HTML from the catalogue text', () => {
    const type = catalog.activityTypes[0]!;
    const evil: ActivityType = { ...type, name: 'A <script>alert(1)</script> & "b"', verdict: '<img src=x onerror=alert(1)>' };
    const html = blockToHtml(textBlock(evil, 'evidens'));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;b&quot;');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('carries a tag that recognises the block later', () => {
    const b = textBlock(catalog.activityTypes[5]!, 'anbefalinger');
    expect(parseBlockTag(blockTag(b))).toEqual({ id: b.id, activityId: b.activityId, kind: 'anbefalinger', version: b.version });
    expect(parseBlockTag('noget andet')).toBeUndefined();
  });
});
