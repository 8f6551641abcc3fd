// The current page's findings, as in the Word panel's overview: the share of documented types against LBF's
// requirement, and each type found, with "set aside on this page".
import { useEffect, useState } from 'preact/hooks';
import { analysePlan, type Match } from '../../core/index.js';
import { browser } from '../lib/browser.js';
import {
  chosenSites,
  enabledFor,
  pageKeyOf,
  setAside,
  showConcepts,
  sitePattern,
  tabReports,
  type FrameReport,
} from '../lib/settings.js';
import { EvidenceBadge } from './CatalogBrowser.js';

interface TabInfo {
  id: number;
  url?: string;
}

export function analyseReports(reports: Record<string, FrameReport>, ignore: string[], concepts: boolean) {
  const fields: Match[][] = Object.values(reports)
    .flatMap((r) => r.fields)
    .map((ms) => ms.filter((m) => concepts || m.tier === 'name'));
  return analysePlan(
    fields.map(() => ({ text: '' })),
    { matches: fields, ignore },
  );
}

export function Findings({ onShow }: { onShow: (id: string) => void }) {
  const [tab, setTab] = useState<TabInfo | undefined>();
  const [reports, setReports] = useState<Record<string, FrameReport>>({});
  const [aside, setAsideState] = useState<Record<string, string[]>>({});
  const [concepts, setConcepts] = useState(true);
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const [message, setMessage] = useState('');

  useEffect(() => {
    let unwatch: (() => void) | undefined;
    const load = async () => {
      // A panel opened in a tab (fallback of "Se alle detaljer") names the page's tab in its address: #tab=<id>.
      const fixed = Number(new URLSearchParams(location.hash.slice(1)).get('tab'));
      const [active] = fixed ? [await browser.tabs.get(fixed)] : await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) return;
      const info: TabInfo = { id: active.id, url: active.url };
      setTab(info);
      const item = tabReports(info.id);
      setReports(await item.getValue());
      unwatch?.();
      unwatch = item.watch((v) => setReports(v ?? {}));
      if (info.url) setEnabled(await enabledFor(info.url));
    };
    void load();
    void setAside.getValue().then(setAsideState);
    void showConcepts.getValue().then(setConcepts);
    const offs = [setAside.watch((v) => setAsideState(v ?? {})), showConcepts.watch((v) => setConcepts(v ?? true))];
    const onActivated = () => void load();
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      unwatch?.();
      offs.forEach((off) => off());
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  const top = reports['0'] ?? Object.values(reports)[0];
  const pageKey = top?.pageKey ?? (tab?.url ? pageKeyOf(tab.url) : '');
  const ignored = aside[pageKey] ?? [];
  const analysis = analyseReports(reports, ignored, concepts);

  const toggleAside = async (id: string) => {
    const all = { ...(await setAside.getValue()) };
    const list = new Set(all[pageKey] ?? []);
    if (list.has(id)) list.delete(id);
    else list.add(id);
    all[pageKey] = [...list];
    if (!all[pageKey].length) delete all[pageKey];
    await setAside.setValue(all);
  };

  const enableSite = async () => {
    const pattern = tab?.url ? sitePattern(tab.url) : undefined;
    if (!pattern || !tab) return;
    const granted = await browser.permissions.request({ origins: [pattern] });
    if (!granted) {
      setMessage('Adgang til webstedet blev ikke givet.');
      return;
    }
    const sites = await chosenSites.getValue();
    if (!sites.includes(pattern)) await chosenSites.setValue([...sites, pattern]);
    await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['/content-scripts/content.js'] });
    setEnabled(true);
    setMessage('Indsatsviden er slået til på webstedet.');
  };

  const e = analysis.evidence;
  const names = analysis.findings.filter((f) => f.tier === 'name');
  const conceptFindings = analysis.findings.filter((f) => f.tier === 'concept');
  return (
    <section aria-labelledby="iv-findings-title">
      <h2 id="iv-findings-title">Denne side</h2>
      {enabled === false ? (
        <p>
          Indsatsviden er ikke slået til på dette websted.{' '}
          <button type="button" onClick={() => void enableSite()}>
            Slå til på webstedet
          </button>
        </p>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      {analysis.findings.length === 0 ? (
        <p>Der er ikke fundet aktivitetstyper fra kataloget i sidens tekstfelter.</p>
      ) : (
        <>
          <p class="share">
            {e.documented} af {e.total} aktivitetstyper har dokumenteret virkning
            {e.share === null ? '' : ` (${Math.round(e.share * 100)} %)`}
          </p>
          <p class="verdict">{analysis.verdict}</p>
          <h3>Aktivitetstyper nævnt ved navn</h3>
          <FindingList findings={names} onShow={onShow} onToggle={toggleAside} />
          {conceptFindings.length ? (
            <>
              <h3>Fundet ud fra begreber</h3>
              <FindingList findings={conceptFindings} onShow={onShow} onToggle={toggleAside} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function FindingList({
  findings,
  onShow,
  onToggle,
}: {
  findings: ReturnType<typeof analysePlan>['findings'];
  onShow: (id: string) => void;
  onToggle: (id: string) => void;
}) {
  if (!findings.length) return <p class="meta">Ingen.</p>;
  return (
    <ul class="findings">
      {findings.map((f) => (
        <li key={`${f.tier}:${f.id}`} class={f.ignored ? 'aside' : ''} data-finding={f.id}>
          <div class="row">
            <strong>{f.name}</strong> <EvidenceBadge evidence={f.evidence} />
          </div>
          <div class="row meta">
            <span>
              {f.count} {f.count === 1 ? 'gang' : 'gange'}, {f.pageLabel}
              {f.ignored ? ', sat til side' : ''}
            </span>
            <button type="button" class="link" onClick={() => onShow(f.id)}>
              Detaljer<span class="sr-only"> om {f.name}</span>
            </button>
            <button type="button" class="link" onClick={() => onToggle(f.id)}>
              {f.ignored ? 'Medtag igen' : 'Sæt til side på siden'}
              <span class="sr-only"> ({f.name})</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
