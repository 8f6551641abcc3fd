// @vitest-environment happy-dom
// Field discovery and the flat-text model of contenteditable fields.
import { describe, expect, it } from 'vitest';
import { discoverFields, fieldKind, watchFields } from '../../extension/lib/fields.js';
import { offsetOf, positionAt, rangeOf, readEditable } from '../../extension/lib/editable-text.js';

function html(body: string): HTMLElement {
  document.body.replaceChildren();
  const range = document.createRange();
  document.body.append(range.createContextualFragment(body));
  return document.body;
}

describe('field discovery', () => {
  it('finds textareas, text inputs and editing hosts, and skips opt-outs and other inputs', () => {
    const root = html(`
      <textarea id="a"></textarea>
      <input id="b" type="text"><input id="c"><input id="s" type="search">
      <input id="pw" type="password"><input id="em" type="email"><input id="n" type="number"><input id="h" type="hidden">
      <textarea id="ro" readonly></textarea><textarea id="sp" spellcheck="false"></textarea>
      <div spellcheck="false"><input id="inherit"></div>
      <div id="g" contenteditable="true" data-gramm="false"></div>
      <div id="ce" contenteditable="true"><p contenteditable="true" id="nested">x</p></div>
      <div id="pt" contenteditable="plaintext-only"></div>
      <div id="no" contenteditable="false"></div>`);
    const ids = discoverFields(root).map((f) => `${f.el.id}:${f.kind}`);
    expect(ids).toEqual(['a:textarea', 'b:input', 'c:input', 's:input', 'ce:contenteditable', 'pt:contenteditable']);
  });

  it('classifies single elements', () => {
    html('<textarea id="t"></textarea><input id="i" type="email">');
    expect(fieldKind(document.getElementById('t')!)).toBe('textarea');
    expect(fieldKind(document.getElementById('i')!)).toBeUndefined();
  });

  it('reports fields added later', async () => {
    html('<div id="box"></div>');
    const seen: string[][] = [];
    const controller = new AbortController();
    watchFields(document, (fields) => seen.push(fields.map((f) => f.el.id)), controller.signal, (cb) => setTimeout(cb, 0));
    const t = document.createElement('textarea');
    t.id = 'late';
    document.getElementById('box')!.append(t);
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect(seen[0]).toEqual([]);
    expect(seen.at(-1)).toEqual(['late']);
  });
});

describe('contenteditable text model', () => {
  it('joins blocks with paragraph breaks and maps offsets back to text nodes', () => {
    const root = html('<div id="ce"><p>Første <b>afsnit</b> her.</p><p>Andet<br>linje</p></div>').querySelector('#ce')!;
    const model = readEditable(root);
    expect(model.text).toBe('Første afsnit her.\n\nAndet\nlinje');
    expect(model.paragraphs).toEqual([
      { start: 0, end: 18 },
      { start: 20, end: 31 },
    ]);
    const at = model.text.indexOf('afsnit');
    const pos = positionAt(model, at)!;
    expect(pos.node.data).toBe('afsnit');
    expect(pos.offset).toBe(0);
    const range = rangeOf(model, at, at + 6, document)!;
    expect(range.toString()).toBe('afsnit');
    const linje = model.text.indexOf('linje');
    expect(rangeOf(model, linje, linje + 5, document)!.toString()).toBe('linje');
    expect(offsetOf(model, pos.node, 3)).toBe(at + 3);
  });
});
