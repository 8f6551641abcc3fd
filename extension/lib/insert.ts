// Inserting a text block as one undoable edit that the page's own code notices: the browser's insertText command for
// fields and plain contenteditable (fires beforeinput/input, joins the native undo stack), a synthetic paste for rich
// editors that handle paste themselves (Quill, ProseMirror/Tiptap, …). The page's values and markup are never assigned directly.
import { positionAt } from './editable-text.js';
import type { Tracked } from './tracker.js';

/** Where a block goes when the caret is not known: after the sentence that holds the match. */
export function afterSentence(text: string, from: number): number {
  const re = /[.!?](?=\s|$)|\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return text.length;
  return m[0] === '\n' ? m.index : m.index + 1;
}

/** The block with the line breaks it needs to stand as its own paragraphs at `at` in `text`. */
export function framed(text: string, at: number, block: string, singleLine: boolean): string {
  if (singleLine) {
    const flat = block.replace(/\s+/g, ' ').trim();
    const before = at > 0 && !/\s/.test(text[at - 1]!) ? ' ' : '';
    const after = at < text.length && !/\s/.test(text[at]!) ? ' ' : '';
    return `${before}${flat}${after}`;
  }
  let prefix = '';
  if (at > 0) prefix = text[at - 1] === '\n' ? (at > 1 && text[at - 2] === '\n' ? '' : '\n') : '\n\n';
  const body = block.replace(/\n+$/, '');
  const suffix = at < text.length ? (text[at] === '\n' ? '\n' : '\n\n') : '';
  return `${prefix}${body}${suffix}`;
}

export type InsertMethod = 'insertText' | 'paste' | 'setRangeText';

export function insertBlock(f: Tracked, block: string, at: number): InsertMethod {
  const doc = f.el.ownerDocument;
  if (f.kind !== 'contenteditable') {
    const el = f.el as HTMLTextAreaElement | HTMLInputElement;
    const text = framed(el.value, at, block, f.kind === 'input');
    el.focus();
    el.setSelectionRange(at, at);
    if (doc.execCommand('insertText', false, text)) return 'insertText';
    // Browsers without execCommand in fields: an edit the page still hears about through an input event.
    el.setRangeText(text, at, at, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return 'setRangeText';
  }
  const model = f.model;
  const pos = model ? positionAt(model, at, true) : undefined;
  f.el.focus();
  const sel = doc.getSelection();
  if (sel && pos) {
    const range = doc.createRange();
    range.setStart(pos.node, pos.offset);
    range.collapse(true);
    sel.removeAllRanges();
    sel.addRange(range);
  }
  const text = framed(model?.text ?? '', at, block, false);
  // Rich editors keep their own model and handle paste themselves: if one does, it cancels the event.
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  f.el.dispatchEvent(paste);
  if (paste.defaultPrevented) return 'paste';
  doc.execCommand('insertText', false, text);
  return 'insertText';
}
