// The text of a contenteditable element as a flat string with paragraph breaks, and the way back from offsets in it
// to DOM positions (for Ranges that measure underlines and place the caret). Reads the DOM only.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg']);

export const PARAGRAPH_BREAK = '\n\n';

export interface Segment {
  node: Text;
  /** Offset of the node's first character in the flat text. */
  start: number;
}

export interface EditableText {
  text: string;
  /** Paragraphs as [start, end) ranges in `text`. */
  paragraphs: { start: number; end: number }[];
  segments: Segment[];
}

export function readEditable(root: Element): EditableText {
  let text = '';
  const segments: Segment[] = [];
  const paragraphs: { start: number; end: number }[] = [];
  let paraStart = 0;
  const breakParagraph = () => {
    if (text.length === paraStart) return;
    paragraphs.push({ start: paraStart, end: text.length });
    text += PARAGRAPH_BREAK;
    paraStart = text.length;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        segments.push({ node: child as Text, start: text.length });
        text += data;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          // A line break inside a paragraph; it is one character, mapped to no text node.
          text += '\n';
          continue;
        }
        const block = BLOCK.has(tag);
        if (block) breakParagraph();
        walk(child);
        if (block) breakParagraph();
      }
    }
  };
  walk(root);
  if (text.length > paraStart) paragraphs.push({ start: paraStart, end: text.length });
  // A trailing break added after the last block is not part of any paragraph.
  if (text.endsWith(PARAGRAPH_BREAK)) text = text.slice(0, -PARAGRAPH_BREAK.length);
  return { text, paragraphs, segments };
}

/** The DOM position of a flat-text offset. `preferEnd` puts an offset between two nodes at the end of the first. */
export function positionAt(model: EditableText, offset: number, preferEnd = false): { node: Text; offset: number } | undefined {
  const segs = model.segments;
  if (segs.length === 0) return undefined;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  let seg = segs[lo]!;
  if (preferEnd && lo > 0 && seg.start === offset) seg = segs[lo - 1]!;
  const local = Math.max(0, Math.min(offset - seg.start, seg.node.data.length));
  return { node: seg.node, offset: local };
}

/** A Range over [start, end) of the flat text, or undefined when the element has no text there. */
export function rangeOf(model: EditableText, start: number, end: number, doc: Document): Range | undefined {
  const a = positionAt(model, start);
  const b = positionAt(model, end, true);
  if (!a || !b) return undefined;
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The flat-text offset of a DOM position inside the element (for the caret), or undefined when outside. */
export function offsetOf(model: EditableText, node: Node, offset: number): number | undefined {
  if (node.nodeType === 3) {
    const seg = model.segments.find((s) => s.node === node);
    return seg ? seg.start + Math.min(offset, seg.node.data.length) : undefined;
  }
  // An element position: the start of the first text node at or after that child.
  const child = node.childNodes[offset];
  if (!child) {
    // After the last child: the end of the last text node inside `node`.
    let last: Segment | undefined;
    for (const s of model.segments) if (node.contains(s.node)) last = s;
    return last ? last.start + last.node.data.length : undefined;
  }
  for (const s of model.segments) {
    if (child === s.node || child.contains(s.node) || (child.compareDocumentPosition(s.node) & 4) !== 0) return s.start;
  }
  return model.text.length;
}
