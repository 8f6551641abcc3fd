// The one element the extension adds to a page: a shadow host on <html>. Underlines, the mirror and the card live in
// its shadow root, so the page's CSS cannot reach them and the page's own DOM stays as it was.
export const HOST_TAG = 'indsatsviden-host';

const CSS = `
:host { all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible;
  z-index: 2147483646; pointer-events: none; }
.layer { position: fixed; overflow: hidden; pointer-events: none; }
.u { position: absolute; box-sizing: border-box; pointer-events: none; border-bottom: 3px solid var(--c); }
.u.documented { --c: #1a7f37; border-bottom-style: solid; }
.u.not-documented { --c: #c2410c; border-bottom-style: dashed; }
.u.concept { border-bottom-width: 2px; border-bottom-style: dotted; opacity: .85; }
.u.aside { --c: #6b7280; border-bottom-style: dotted; opacity: .6; }
.bg .u.documented { background: rgba(26,127,55,.14); }
.bg .u.not-documented { background: rgba(194,65,12,.14); }
.mirror { position: absolute; left: 0; top: 0; visibility: hidden; pointer-events: none; overflow: hidden;
  margin: 0; contain: layout style; }
.mirrors { position: fixed; left: -100000px; top: 0; width: 0; height: 0; overflow: visible; }
.sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
[popover].card { position: fixed; inset: auto; margin: 0; box-sizing: border-box; width: min(380px, calc(100vw - 16px));
  max-height: min(70vh, 560px); overflow: auto; padding: 12px 14px; border: 1px solid #9ca3af; border-radius: 8px;
  background: #fff; color: #111827; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); pointer-events: auto; text-align: left; }
.card * { box-sizing: border-box; }
.card-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.card-name { font-size: 16px; margin: 0 0 6px; font-weight: 700; }
.close { border: 0; background: transparent; font-size: 20px; line-height: 1; cursor: pointer; color: #111827; padding: 2px 6px; }
.badge { display: inline-block; margin: 0 0 6px; padding: 2px 8px; border-radius: 999px; font-weight: 600; font-size: 13px; }
.badge.documented { background: #dcfce7; color: #14532d; }
.badge.not-documented { background: #ffedd5; color: #7c2d12; }
.card p { margin: 0 0 8px; }
.card h3 { font-size: 13px; margin: 8px 0 4px; }
.card ul { margin: 0 0 8px; padding-left: 18px; }
.label { font-weight: 600; }
.tier-note, .source { color: #374151; font-size: 13px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
.actions button, .details { font: inherit; font-size: 13px; padding: 4px 8px; border: 1px solid #1d4ed8; border-radius: 6px;
  background: #eff6ff; color: #1e3a8a; cursor: pointer; }
.card button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.status { min-height: 1em; font-size: 13px; color: #14532d; }
`;

export interface Host {
  host: HTMLElement;
  root: ShadowRoot;
  layers: HTMLDivElement;
  mirrors: HTMLDivElement;
  card: HTMLDivElement;
  live: HTMLDivElement;
}

export function createHost(doc: Document, signal: AbortSignal): Host {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const layers = doc.createElement('div');
  const mirrors = doc.createElement('div');
  mirrors.className = 'mirrors';
  mirrors.setAttribute('aria-hidden', 'true');
  layers.setAttribute('aria-hidden', 'true');
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('popover', 'manual');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-labelledby', 'iv-card-title');
  const live = doc.createElement('div');
  live.className = 'sr';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.append(style, mirrors, layers, card, live);
  // Keys typed in the card never reach the page's shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
    root.addEventListener(type, (e) => e.stopPropagation());
  }
  doc.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root, layers, mirrors, card, live };
}
