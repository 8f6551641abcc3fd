// Keeps every field's text, matches and underline boxes up to date. Only fields whose text changed are detected
// again (textarea/input: the edited paragraph, via redetect; contenteditable: changed paragraphs, via the paragraph
// cache); layout runs once per animation frame and only for fields on screen.
import { catalogDetector, ParagraphDetector, redetect, type Match } from '../../core/detect/index.js';
import { activityType } from '../../core/catalog/index.js';
import { readEditable, rangeOf, offsetOf, type EditableText } from './editable-text.js';
import type { FieldKind } from './fields.js';
import { clientBox, clipBox, FieldMirror, mirrorToViewport, rangeBoxes, contains, type Box } from './geometry.js';
import type { Host } from './host.js';
import type { UnderlineStyle } from './settings.js';

export interface Tracked {
  el: HTMLElement;
  kind: FieldKind;
  text: string;
  matches: Match[];
  model?: EditableText;
  paragraphs?: ParagraphDetector;
  visible: boolean;
  textDirty: boolean;
  layoutDirty: boolean;
  layer: HTMLDivElement;
  mirror?: FieldMirror;
  /** Underline boxes on screen (viewport coordinates) and the index of their match. */
  boxes: { box: Box; index: number }[];
  pool: HTMLDivElement[];
  /** Last caret offset while the field had focus. */
  caret?: number;
  lastRect?: string;
  observer?: MutationObserver;
}

export interface View {
  showConcepts: boolean;
  style: UnderlineStyle;
  setAside: ReadonlySet<string>;
}

export class Tracker {
  readonly fields = new Map<HTMLElement, Tracked>();
  view: View = { showConcepts: true, style: 'line', setAside: new Set() };
  private frameRequested = false;
  private readonly changeListeners = new Set<() => void>();
  private readonly intersection: IntersectionObserver;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly doc: Document,
    private readonly host: Host,
    private readonly signal: AbortSignal,
  ) {
    const win = doc.defaultView!;
    this.intersection = new win.IntersectionObserver((entries) => {
      for (const e of entries) {
        const f = this.fields.get(e.target as HTMLElement);
        if (!f) continue;
        f.visible = e.isIntersecting;
        f.layoutDirty = true;
        if (!f.visible) this.clear(f);
      }
      this.schedule();
    });
    this.resize = new win.ResizeObserver((entries) => {
      for (const e of entries) {
        const f = this.fields.get(e.target as HTMLElement);
        if (f) f.layoutDirty = true;
      }
      this.schedule();
    });
    signal.addEventListener('abort', () => {
      this.intersection.disconnect();
      this.resize.disconnect();
      for (const f of this.fields.values()) this.drop(f);
    });
  }

  onMatchesChanged(cb: () => void): () => void {
    this.changeListeners.add(cb);
    return () => this.changeListeners.delete(cb);
  }

  /** Replaces the set of tracked fields with `list`. */
  setFields(list: { el: HTMLElement; kind: FieldKind }[]): void {
    const keep = new Set(list.map((f) => f.el));
    for (const f of [...this.fields.values()]) if (!keep.has(f.el)) this.drop(f);
    for (const { el, kind } of list) if (!this.fields.has(el)) this.add(el, kind);
    this.markAllLayout();
  }

  private add(el: HTMLElement, kind: FieldKind): void {
    const layer = this.doc.createElement('div');
    layer.className = 'layer';
    this.host.layers.append(layer);
    const f: Tracked = {
      el,
      kind,
      text: '',
      matches: [],
      visible: false,
      textDirty: true,
      layoutDirty: true,
      layer,
      boxes: [],
      pool: [],
    };
    if (kind === 'contenteditable') {
      f.paragraphs = new ParagraphDetector(catalogDetector());
      // Editors change their DOM without input events (formatting, undo, API calls): watch the text itself.
      f.observer = new MutationObserver(() => this.markText(f));
      f.observer.observe(el, { characterData: true, childList: true, subtree: true });
    } else {
      f.mirror = new FieldMirror(this.host.mirrors, kind === 'input');
    }
    this.fields.set(el, f);
    this.intersection.observe(el);
    this.resize.observe(el);
  }

  private drop(f: Tracked): void {
    this.intersection.unobserve(f.el);
    this.resize.unobserve(f.el);
    f.observer?.disconnect();
    f.mirror?.remove();
    f.layer.remove();
    this.fields.delete(f.el);
  }

  /** The tracked field that is or contains `node`. */
  fieldOf(node: Node | null): Tracked | undefined {
    for (let n: Node | null = node; n; n = n.parentNode) {
      const f = this.fields.get(n as HTMLElement);
      if (f) return f;
    }
    return undefined;
  }

  markText(f: Tracked): void {
    f.textDirty = true;
    f.layoutDirty = true;
    this.schedule();
  }

  markAllLayout(): void {
    for (const f of this.fields.values()) f.layoutDirty = true;
    this.schedule();
  }

  schedule(): void {
    if (this.frameRequested || this.signal.aborted) return;
    this.frameRequested = true;
    this.doc.defaultView!.requestAnimationFrame(() => {
      this.frameRequested = false;
      this.frame();
    });
  }

  /** Runs detection for every field now (off-screen ones too), for the page's findings. */
  detectAll(): void {
    let changed = false;
    for (const f of this.fields.values()) changed = this.detect(f) || changed;
    if (changed) this.changeListeners.forEach((cb) => cb());
  }

  /** One batched pass: detection of changed visible fields, then layout of visible fields. */
  frame(): void {
    let changed = false;
    for (const f of this.fields.values()) {
      if (!f.visible) continue;
      if (f.kind !== 'contenteditable' && !f.textDirty && this.readText(f) !== f.text) f.textDirty = true;
      if (f.textDirty) changed = this.detect(f) || changed;
    }
    for (const f of this.fields.values()) if (f.visible && f.layoutDirty) this.layout(f);
    if (changed) this.changeListeners.forEach((cb) => cb());
  }

  private readText(f: Tracked): string {
    return f.kind === 'contenteditable' ? f.text : (f.el as HTMLTextAreaElement | HTMLInputElement).value;
  }

  /** Re-detects a field whose text changed; true when its matches changed. */
  private detect(f: Tracked): boolean {
    if (!f.textDirty) return false;
    f.textDirty = false;
    const before = f.matches;
    if (f.kind === 'contenteditable') {
      const model = readEditable(f.el);
      f.model = model;
      f.text = model.text;
      const per = f.paragraphs!.detect(model.paragraphs.map((p) => model.text.slice(p.start, p.end)));
      f.matches = per.flatMap((ms, i) => {
        const at = model.paragraphs[i]!.start;
        return ms.map((m) => ({ ...m, start: m.start + at, end: m.end + at }));
      });
    } else {
      const text = this.readText(f);
      if (text === f.text && f.matches.length + f.text.length > 0) return false;
      if (f.text === '') f.matches = catalogDetector().detect(text);
      else f.matches = redetect(catalogDetector(), { text: f.text, matches: f.matches }, diff(f.text, text)).matches;
      f.text = text;
    }
    f.layoutDirty = true;
    return !sameMatches(before, f.matches);
  }

  shown(m: Match): boolean {
    return (this.view.showConcepts || m.tier === 'name') && activityType(m.id) !== undefined;
  }

  private layout(f: Tracked): void {
    f.layoutDirty = false;
    const clip = clientBox(f.el);
    f.lastRect = rectKey(clip);
    const boxes: { box: Box; index: number }[] = [];
    const vw = this.doc.documentElement.clientWidth || innerWidth;
    const vh = this.doc.documentElement.clientHeight || innerHeight;
    const visibleClip = clipBox(clip, { left: 0, top: 0, width: vw, height: vh });
    if (visibleClip && f.matches.length) {
      if (f.mirror) {
        const el = f.el;
        f.mirror.syncStyle(el);
        f.mirror.syncText(f.text);
        const border = el.getBoundingClientRect();
        const [first, last] =
          f.kind === 'input' ? [0, 0] : f.mirror.visibleLines(el.scrollTop, el.scrollTop + el.clientHeight);
        const origin = f.mirror.origin();
        const fieldPos = { left: border.left, top: border.top, scrollLeft: el.scrollLeft, scrollTop: el.scrollTop };
        f.matches.forEach((m, index) => {
          if (!this.shown(m)) return;
          const [a, b] = f.mirror!.linesOf(m.start, m.end);
          if (b < first || a > last) return;
          for (const r of mirrorToViewport(f.mirror!.rects(m.start, m.end), origin, fieldPos)) {
            const box = clipBox(r, clip);
            if (box) boxes.push({ box, index });
          }
        });
      } else if (f.model) {
        f.matches.forEach((m, index) => {
          if (!this.shown(m)) return;
          const range = rangeOf(f.model!, m.start, m.end, this.doc);
          if (!range) return;
          for (const r of rangeBoxes(range)) {
            const box = clipBox(r, clip);
            if (box) boxes.push({ box, index });
          }
        });
      }
    }
    f.boxes = boxes;
    this.render(f, clip);
  }

  private render(f: Tracked, clip: Box): void {
    const layer = f.layer;
    layer.classList.toggle('bg', this.view.style === 'background');
    const s = layer.style;
    s.left = `${clip.left}px`;
    s.top = `${clip.top}px`;
    s.width = `${clip.width}px`;
    s.height = `${clip.height}px`;
    while (f.pool.length < f.boxes.length) {
      const d = this.doc.createElement('div');
      layer.append(d);
      f.pool.push(d);
    }
    f.pool.forEach((d, i) => {
      const item = f.boxes[i];
      if (!item) {
        d.style.display = 'none';
        return;
      }
      const m = f.matches[item.index]!;
      const type = activityType(m.id)!;
      d.className = `u ${m.tier} ${type.evidence}${this.view.setAside.has(m.id) ? ' aside' : ''}`;
      d.dataset.id = m.id;
      d.dataset.start = String(m.start);
      const ds = d.style;
      ds.display = 'block';
      ds.left = `${item.box.left - clip.left}px`;
      ds.top = `${item.box.top - clip.top}px`;
      ds.width = `${item.box.width}px`;
      ds.height = `${item.box.height}px`;
    });
  }

  private clear(f: Tracked): void {
    f.boxes = [];
    for (const d of f.pool) d.style.display = 'none';
  }

  /** Marks fields that moved (reflow without a resize of the field) for layout. */
  checkMoved(): void {
    for (const f of this.fields.values()) {
      if (!f.visible) continue;
      if (rectKey(clientBox(f.el)) !== f.lastRect) f.layoutDirty = true;
    }
    this.schedule();
  }

  /** The field and match under a viewport point. */
  hitTest(x: number, y: number): { field: Tracked; index: number; box: Box } | undefined {
    for (const f of this.fields.values()) {
      for (const b of f.boxes) if (contains(b.box, x, y, 1)) return { field: f, index: b.index, box: b.box };
    }
    return undefined;
  }

  /** Updates a field's caret offset from the current selection. */
  updateCaret(f: Tracked): void {
    if (f.kind !== 'contenteditable') {
      const el = f.el as HTMLTextAreaElement;
      if (typeof el.selectionStart === 'number') f.caret = el.selectionEnd ?? el.selectionStart;
      return;
    }
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || !f.el.contains(sel.focusNode)) return;
    if (f.textDirty || !f.model) this.detectOne(f);
    const at = offsetOf(f.model!, sel.focusNode!, sel.focusOffset);
    if (at !== undefined) f.caret = at;
  }

  detectOne(f: Tracked): void {
    if (this.detect(f)) this.changeListeners.forEach((cb) => cb());
  }

  /** The shown match at or next to `offset` in a field. */
  matchNear(f: Tracked, offset: number | undefined): number | undefined {
    let best: number | undefined;
    f.matches.forEach((m, i) => {
      if (!this.shown(m)) return;
      if (offset !== undefined && m.start <= offset && offset <= m.end) best ??= i;
    });
    if (best !== undefined || offset !== undefined) return best;
    const first = f.matches.findIndex((m) => this.shown(m));
    return first < 0 ? undefined : first;
  }

  /** Viewport rect of a match (its first line box), measuring it if needed. */
  matchBox(f: Tracked, index: number): Box | undefined {
    const own = f.boxes.find((b) => b.index === index);
    if (own) return own.box;
    return clientBox(f.el);
  }
}

const rectKey = (b: Box) => `${Math.round(b.left)},${Math.round(b.top)},${Math.round(b.width)},${Math.round(b.height)}`;

/** The single replaced range between two texts (common prefix and suffix). */
export function diff(before: string, after: string): { start: number; end: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return { start, end: before.length - tail, insert: after.slice(start, after.length - tail) };
}

function sameMatches(a: Match[], b: Match[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => m.id === b[i]!.id && m.start === b[i]!.start && m.end === b[i]!.end && m.tier === b[i]!.tier);
}
