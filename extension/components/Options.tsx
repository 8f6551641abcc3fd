// Options: where the extension runs, concept-tier findings, underline style, and the types set aside per page.
import { useEffect, useState } from 'preact/hooks';
import { activityType } from '../../core/index.js';
import { browser } from '../lib/browser.js';
import {
  chosenSites,
  PRESET_SITE,
  setAside,
  showConcepts,
  siteMode,
  sitePattern,
  underlineStyle,
  type SiteMode,
  type UnderlineStyle,
} from '../lib/settings.js';

export function Options() {
  const [mode, setMode] = useState<SiteMode>('chosen');
  const [sites, setSites] = useState<string[]>([]);
  const [concepts, setConcepts] = useState(true);
  const [style, setStyle] = useState<UnderlineStyle>('line');
  const [aside, setAsideState] = useState<Record<string, string[]>>({});
  const [newSite, setNewSite] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void siteMode.getValue().then(setMode);
    void chosenSites.getValue().then(setSites);
    void showConcepts.getValue().then(setConcepts);
    void underlineStyle.getValue().then(setStyle);
    void setAside.getValue().then(setAsideState);
    const offs = [
      chosenSites.watch((v) => setSites(v ?? [])),
      setAside.watch((v) => setAsideState(v ?? {})),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  const chooseMode = async (next: SiteMode) => {
    if (next === 'all') {
      const ok = await browser.permissions.request({ origins: ['<all_urls>'] });
      if (!ok) {
        setMessage('Adgang til alle websteder blev ikke givet.');
        return;
      }
    }
    await siteMode.setValue(next);
    setMode(next);
    setMessage(next === 'all' ? 'Indsatsviden kører nu på alle websteder.' : 'Indsatsviden kører kun på de valgte websteder.');
  };

  const addSite = async (event: Event) => {
    event.preventDefault();
    const input = newSite.trim();
    const pattern = /^(https?|\*):\/\/[^/]+\/.*$/.test(input) ? input : sitePattern(/^https?:/.test(input) ? input : `https://${input}`);
    if (!pattern) {
      setMessage('Skriv en adresse som https://eksempel.dk.');
      return;
    }
    const ok = await browser.permissions.request({ origins: [pattern] });
    if (!ok) {
      setMessage(`Adgang til ${pattern} blev ikke givet.`);
      return;
    }
    if (!sites.includes(pattern)) await chosenSites.setValue([...sites, pattern]);
    setNewSite('');
    setMessage(`${pattern} er tilføjet.`);
  };

  const removeSite = async (pattern: string) => {
    await chosenSites.setValue(sites.filter((s) => s !== pattern));
    if (pattern !== PRESET_SITE) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  };

  return (
    <main>
      <h1>Indsatsviden – indstillinger</h1>
      <fieldset>
        <legend>Hvor skal Indsatsviden køre?</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'chosen'} onChange={() => void chooseMode('chosen')} /> Kun på
          valgte websteder
        </label>
        <br />
        <label>
          <input type="radio" name="mode" checked={mode === 'all'} onChange={() => void chooseMode('all')} /> På alle
          websteder
        </label>
        <h2>Valgte websteder</h2>
        <ul class="sites">
          {sites.map((s) => (
            <li key={s}>
              <code>{s}</code>
              {s === PRESET_SITE ? <span class="meta">(LBF’s driftsstøttesystem)</span> : null}
              <button type="button" class="link" onClick={() => void removeSite(s)}>
                Fjern<span class="sr-only"> {s}</span>
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={(e) => void addSite(e)} class="row">
          <label>
            Tilføj websted{' '}
            <input
              type="text"
              value={newSite}
              placeholder="https://eksempel.dk"
              onInput={(e) => setNewSite((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">Tilføj</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>Visning</legend>
        <label>
          <input
            type="checkbox"
            checked={concepts}
            onChange={(e) => {
              const v = (e.target as HTMLInputElement).checked;
              setConcepts(v);
              void showConcepts.setValue(v);
            }}
          />{' '}
          Vis fund ud fra begreber (ikke kun typernes navne)
        </label>
        <p class="meta">Understregning:</p>
        {(
          [
            ['line', 'Linje (fuld linje: dokumenteret virkning; stiplet: ikke dokumenteret)'],
            ['background', 'Linje og farvet baggrund'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} style={{ display: 'block' }}>
            <input
              type="radio"
              name="style"
              checked={style === value}
              onChange={() => {
                setStyle(value);
                void underlineStyle.setValue(value);
              }}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Sat til side på sider</legend>
        {Object.keys(aside).length === 0 ? (
          <p class="meta">Ingen aktivitetstyper er sat til side.</p>
        ) : (
          <ul class="sites">
            {Object.entries(aside).map(([page, ids]) => (
              <li key={page}>
                <span>
                  <code>{page}</code>: {ids.map((id) => activityType(id)?.name ?? id).join(', ')}
                </span>
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    const next = { ...aside };
                    delete next[page];
                    void setAside.setValue(next);
                  }}
                >
                  Nulstil<span class="sr-only"> {page}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <p role="status">{message}</p>
      <p class="meta">
        Indsatsviden sender ingen data nogen steder hen: kataloget ligger i udvidelsen, og alt sker i browseren.
      </p>
    </main>
  );
}
