// Field discovery: which elements of a page hold text the writer edits. No page element is changed.
export type FieldKind = 'textarea' | 'input' | 'contenteditable';

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);
const EDITABLE = new Set(['', 'true', 'plaintext-only']);

/** Attributes by which sites tell writing tools to stay away (Grammarly's, spellcheck, our own). */
function optedOut(el: Element): boolean {
  const spell = el.closest('[spellcheck]');
  if (spell && spell.getAttribute('spellcheck')?.toLowerCase() === 'false') return true;
  return (
    el.closest(
      '[data-gramm="false"],[data-gramm_editor="false"],[data-enable-grammarly="false"],[data-indsatsviden="off"]',
    ) !== null
  );
}

function editableAttr(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && EDITABLE.has(v.toLowerCase());
}

/** The kind of field `el` is, or undefined when it is not a field we look at. */
export function fieldKind(el: Element): FieldKind | undefined {
  const tag = el.localName;
  if (tag === 'textarea') {
    const t = el as HTMLTextAreaElement;
    if (t.readOnly || t.disabled || optedOut(el)) return undefined;
    return 'textarea';
  }
  if (tag === 'input') {
    const i = el as HTMLInputElement;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (!TEXT_INPUT_TYPES.has(type) || i.readOnly || i.disabled || optedOut(el)) return undefined;
    return 'input';
  }
  if (editableAttr(el)) {
    // Only the editing host: nested editable elements belong to it.
    const parent = el.parentElement?.closest('[contenteditable]');
    if (parent && editableAttr(parent)) return undefined;
    if (optedOut(el)) return undefined;
    return 'contenteditable';
  }
  return undefined;
}

const SELECTOR = 'textarea, input, [contenteditable]';

/** Every field inside `root` (its own element included), in document order. */
export function discoverFields(root: ParentNode): { el: HTMLElement; kind: FieldKind }[] {
  const out: { el: HTMLElement; kind: FieldKind }[] = [];
  if (root instanceof Element && root.matches(SELECTOR)) {
    const kind = fieldKind(root);
    if (kind) out.push({ el: root as HTMLElement, kind });
  }
  for (const el of root.querySelectorAll(SELECTOR)) {
    const kind = fieldKind(el);
    if (kind) out.push({ el: el as HTMLElement, kind });
  }
  return out;
}

/**
 * Watches `doc` for fields added or removed later (single-page apps, editors that mount late). Calls `onChange` at most
 * once per animation frame with the fields present now.
 */
export function watchFields(
  doc: Document,
  onChange: (fields: { el: HTMLElement; kind: FieldKind }[]) => void,
  signal: AbortSignal,
  schedule: (cb: () => void) => void = (cb) => requestAnimationFrame(cb),
): void {
  let pending = false;
  const run = () => {
    pending = false;
    if (!signal.aborted) onChange(discoverFields(doc));
  };
  const observer = new MutationObserver((records) => {
    if (pending) return;
    // Text typed into an editor is a characterData/childList change inside a field: not a new field.
    const relevant = records.some(
      (r) => r.type === 'attributes' || [...r.addedNodes, ...r.removedNodes].some((n) => n.nodeType === 1),
    );
    if (!relevant) return;
    pending = true;
    schedule(run);
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['contenteditable', 'spellcheck', 'data-gramm', 'readonly', 'disabled', 'type'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  run();
}
