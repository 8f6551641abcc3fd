// Offset-to-rect mapping. A textarea or text input cannot be measured directly, so its text is laid out again in a
// hidden mirror inside our shadow root with the field's typography; contenteditable text is measured with Ranges on
// the page's own nodes (read only). All rects end up in viewport coordinates, clipped to the field's visible box.
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The padding box of a field in viewport coordinates: where its text is visible. */
export function clientBox(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left + el.clientLeft, top: r.top + el.clientTop, width: el.clientWidth, height: el.clientHeight };
}

/**
 * Moves rects measured in the mirror into the field: `origin` is the mirror's own viewport rect, `field` the field's
 * border box; the mirror copies the field's borders and padding, so only the field's scroll offset differs.
 */
export function mirrorToViewport(
  rects: readonly Box[],
  origin: { left: number; top: number },
  field: { left: number; top: number; scrollLeft: number; scrollTop: number },
): Box[] {
  return rects.map((r) => ({
    left: field.left + (r.left - origin.left) - field.scrollLeft,
    top: field.top + (r.top - origin.top) - field.scrollTop,
    width: r.width,
    height: r.height,
  }));
}

/** The part of `r` inside `clip`, or undefined when nothing of it is visible. */
export function clipBox(r: Box, clip: Box): Box | undefined {
  const left = Math.max(r.left, clip.left);
  const top = Math.max(r.top, clip.top);
  const right = Math.min(r.left + r.width, clip.left + clip.width);
  const bottom = Math.min(r.top + r.height, clip.top + clip.height);
  if (right - left < 0.5 || bottom - top < 0.5) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

/** Line boxes of a Range, without the zero-width rects browsers report at line ends. */
export function rangeBoxes(range: Range): Box[] {
  const out: Box[] = [];
  for (const r of range.getClientRects()) {
    if (r.width < 0.5) continue;
    out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return out;
}

export const contains = (b: Box, x: number, y: number, slack = 0) =>
  x >= b.left - slack && x <= b.left + b.width + slack && y >= b.top - slack && y <= b.top + b.height + slack;

// Computed style properties that decide where a field's text wraps.
const COPIED = [
  'box-sizing', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
  'font-feature-settings', 'font-kerning', 'letter-spacing', 'word-spacing', 'line-height', 'text-transform',
  'text-indent', 'text-align', 'tab-size', 'direction', 'padding-top', 'padding-right', 'padding-bottom',
  'padding-left', 'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style', 'overflow-wrap', 'word-break',
  'hyphens',
] as const;

/**
 * A mirror of a textarea or input: one block per text line, so an edit re-lays out only the changed lines, and
 * the rects of matches on visible lines are all that is measured.
 */
export class FieldMirror {
  readonly root: HTMLDivElement;
  private lines: HTMLDivElement[] = [];
  private lineTexts: string[] = [];
  private lineStarts: number[] = [];
  private styleKey = '';

  constructor(
    container: Element,
    private readonly singleLine: boolean,
  ) {
    const doc = container.ownerDocument;
    this.root = doc.createElement('div');
    this.root.className = 'mirror';
    container.append(this.root);
  }

  remove(): void {
    this.root.remove();
  }

  /** Copies the field's typography and width; cheap when nothing changed. */
  syncStyle(field: HTMLElement): void {
    const cs = getComputedStyle(field);
    const parts = COPIED.map((p) => cs.getPropertyValue(p));
    const padL = parseFloat(cs.paddingLeft) || 0;
    const padR = parseFloat(cs.paddingRight) || 0;
    const width = Math.max(0, field.clientWidth - padL - padR);
    const key = `${parts.join('|')}|${width}|${field.clientHeight}`;
    if (key === this.styleKey) return;
    this.styleKey = key;
    const s = this.root.style;
    COPIED.forEach((p, i) => s.setProperty(p, parts[i]!));
    s.setProperty('box-sizing', 'content-box');
    s.setProperty('border-color', 'transparent');
    if (this.singleLine) {
      // Inputs centre their single line vertically in the content box.
      const padT = parseFloat(cs.paddingTop) || 0;
      const padB = parseFloat(cs.paddingBottom) || 0;
      s.setProperty('height', `${Math.max(0, field.clientHeight - padT - padB)}px`);
      s.setProperty('display', 'flex');
      s.setProperty('align-items', 'center');
      s.setProperty('white-space', 'pre');
      s.setProperty('width', 'max-content');
      s.setProperty('min-width', `${width}px`);
    } else {
      s.setProperty('white-space', 'pre-wrap');
      s.setProperty('width', `${width}px`);
    }
  }

  /** Updates the mirror's lines to `text`, touching only lines that changed. */
  syncText(text: string): void {
    const next = this.singleLine ? [text] : text.split('\n');
    const prev = this.lineTexts;
    let head = 0;
    while (head < prev.length && head < next.length && prev[head] === next[head]) head++;
    let tail = 0;
    while (
      tail < prev.length - head &&
      tail < next.length - head &&
      prev[prev.length - 1 - tail] === next[next.length - 1 - tail]
    )
      tail++;
    const removed = this.lines.splice(head, prev.length - head - tail);
    for (const el of removed) el.remove();
    const doc = this.root.ownerDocument;
    const added = next.slice(head, next.length - tail).map((line) => {
      const el = doc.createElement('div');
      el.className = 'ml';
      el.textContent = line;
      return el;
    });
    const before = this.lines[head] ?? null;
    for (const el of added) this.root.insertBefore(el, before);
    this.lines.splice(head, 0, ...added);
    this.lineTexts = next;
    this.lineStarts = new Array(next.length);
    let at = 0;
    for (let i = 0; i < next.length; i++) {
      this.lineStarts[i] = at;
      at += next[i]!.length + 1;
    }
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The [first, last] line indexes overlapping the band [top, bottom] in the field's padding-box coordinates. */
  visibleLines(top: number, bottom: number): [number, number] {
    const n = this.lines.length;
    if (n === 0) return [0, -1];
    const findFirst = (y: number) => {
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const el = this.lines[mid]!;
        if (el.offsetTop + el.offsetHeight < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [findFirst(top), Math.min(n - 1, findFirst(bottom))];
  }

  /** The line index range of a text range. */
  linesOf(start: number, end: number): [number, number] {
    return [this.lineOf(start), this.lineOf(Math.max(start, end - 1))];
  }

  /** Rects (viewport coordinates of the mirror itself) of [start, end) in the mirrored text. */
  rects(start: number, end: number): Box[] {
    const doc = this.root.ownerDocument;
    const out: Box[] = [];
    const [a, b] = this.linesOf(start, end);
    for (let i = a; i <= b; i++) {
      const text = this.lines[i]?.firstChild as Text | null;
      if (!text) continue;
      const ls = this.lineStarts[i]!;
      const s = Math.max(0, start - ls);
      const e = Math.min(text.data.length, end - ls);
      if (e <= s) continue;
      const range = doc.createRange();
      range.setStart(text, s);
      range.setEnd(text, e);
      out.push(...rangeBoxes(range));
    }
    return out;
  }

  /** The mirror's content origin in viewport coordinates (to subtract from measured rects). */
  origin(): { left: number; top: number } {
    const r = this.root.getBoundingClientRect();
    return { left: r.left, top: r.top };
  }
}
