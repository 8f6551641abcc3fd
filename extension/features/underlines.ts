// Finds fields (now and later), keeps them detected and underlined, and follows edits, scrolling, resizing and reflow.
import { watchFields } from '../lib/fields.js';
import { setAside, showConcepts, underlineStyle } from '../lib/settings.js';
import type { PageContext } from './context.js';

export async function init(signal: AbortSignal, { doc, tracker, pageKey }: PageContext): Promise<void> {
  const applySettings = async () => {
    tracker.view = {
      showConcepts: await showConcepts.getValue(),
      style: await underlineStyle.getValue(),
      setAside: new Set((await setAside.getValue())[pageKey] ?? []),
    };
    tracker.markAllLayout();
  };
  await applySettings();
  for (const item of [showConcepts, underlineStyle, setAside] as const) {
    const unwatch = (item.watch as (cb: () => void) => () => void)(() => void applySettings());
    signal.addEventListener('abort', unwatch, { once: true });
  }

  watchFields(
    doc,
    (fields) => {
      tracker.setFields(fields);
    },
    signal,
  );

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener(
    'input',
    (e) => {
      const f = tracker.fieldOf(e.target as Node);
      if (f) tracker.markText(f);
    },
    opts,
  );
  // Scrolling anywhere (the page or a field) moves underlines: one layout per frame catches up.
  doc.addEventListener('scroll', () => tracker.markAllLayout(), opts);
  doc.defaultView!.addEventListener('resize', () => tracker.markAllLayout(), opts);
  doc.addEventListener(
    'selectionchange',
    () => {
      const f = tracker.fieldOf(doc.activeElement);
      if (f) tracker.updateCaret(f);
    },
    opts,
  );
  // Fields move when content above them changes size without any event: a cheap position check catches that.
  const timer = setInterval(() => tracker.checkMoved(), 400);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
