// The task pane: tabs for Oversigt, Fund and Katalog, a details card, and the writer's actions. All Word access
// goes through the WordDocument interface; features register with init(signal) and are torn down on unmount.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { analysePlan, type Analysis, type Finding } from '../../../core/analysis.js';
import { textBlock, type BlockKind, type TextBlock } from '../../../core/blocks.js';
import { citation, evidenceLabel } from '../../../core/catalog/index.js';
import type { ActivityType } from '../../../core/types.js';
import * as followCursor from '../features/follow-cursor.js';
import * as liveRescan from '../features/live-rescan.js';
import { Scanner, type ScannerOptions, type ScanResult } from '../scan/scanner.js';
import { readIgnore, writeIgnore } from '../settings.js';
import type { InsertedBlock, WordDocument } from '../word/document.js';
import { Catalogue } from './Catalogue.js';
import { Details } from './Details.js';
import { Findings } from './Findings.js';
import { Overview } from './Overview.js';

type Tab = 'oversigt' | 'fund' | 'katalog';
const TABS: { id: Tab; label: string }[] = [
  { id: 'oversigt', label: 'Oversigt' },
  { id: 'fund', label: 'Fund' },
  { id: 'katalog', label: 'Katalog' },
];

export interface AppProps {
  doc: WordDocument;
  scanner?: ScannerOptions;
  rescanDebounceMs?: number;
}

export function App({ doc, scanner: scannerOptions, rescanDebounceMs }: AppProps) {
  const scanner = useMemo(() => new Scanner(doc, scannerOptions), [doc]);
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [ignore, setIgnore] = useState<string[]>(() => readIgnore(doc));
  const [tab, setTab] = useState<Tab>('oversigt');
  const [detail, setDetail] = useState<string | null>(null);
  const [position, setPosition] = useState<Record<string, number>>({});
  const [inserted, setInserted] = useState<InsertedBlock[]>([]);
  const [status, setStatus] = useState('Læser dokumentet …');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<TextBlock | null>(null);
  const ignoreRef = useRef(ignore);
  ignoreRef.current = ignore;
  const scanning = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  // Selection changes caused by the panel's own go-to must not pull the panel away from the list.
  const ownSelectionUntil = useRef(0);

  const rescan = useCallback(async () => {
    if (scanning.current) {
      again.current = true;
      return scanning.current;
    }
    const run = async () => {
      setBusy(true);
      try {
        do {
          again.current = false;
          const result = await scanner.scan(ignoreRef.current);
          setScan(result);
          setStatus(
            `Dokumentet er gennemgået: ${result.paragraphs.length} afsnit, ${result.analysis.findings.length} fund.`,
          );
        } while (again.current);
        setInserted(await doc.findInsertedBlocks().catch(() => []));
      } catch (error) {
        setStatus(`Dokumentet kunne ikke læses: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        setBusy(false);
        scanning.current = null;
      }
    };
    scanning.current = run();
    return scanning.current;
  }, [scanner, doc]);

  const open = useCallback((id: string) => {
    setDetail(id);
    requestAnimationFrame(() => document.getElementById('details-title')?.focus());
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void rescan();
    liveRescan.init(controller.signal, doc, () => void rescan(), rescanDebounceMs);
    followCursor.init(
      controller.signal,
      doc,
      (text) => scanner.matchesFor(text),
      (match) => {
        if (Date.now() < ownSelectionUntil.current) return;
        setDetail(match.id);
        setStatus(`Markøren står i »${match.text}«: kortet for aktivitetstypen er åbnet.`);
      },
    );
    return () => controller.abort();
  }, [doc, rescan, scanner]);

  // The overview recomputes from the last scan when the writer sets a type aside; the document is not reread.
  const analysis: Analysis | null = useMemo(() => {
    if (!scan) return null;
    if (scan.analysis.ignored.join() === [...ignore].join()) return scan.analysis;
    return analysePlan(
      scan.paragraphs.map((p) => (p.heading ? { text: p.text, heading: true, level: p.level ?? 1 } : { text: p.text })),
      { ignore, matches: scan.matches },
    );
  }, [scan, ignore]);

  const goTo = async (f: Finding, index: number) => {
    const o = f.occurrences[index];
    if (!o) return;
    setPosition((p) => ({ ...p, [`${f.tier}:${f.id}`]: index }));
    ownSelectionUntil.current = Date.now() + 1000;
    const ok = await doc.selectMatch({ paragraph: o.paragraph, start: o.start, end: o.end, text: o.text }).catch(() => false);
    if (ok) setStatus(`Forekomst ${index + 1} af ${f.occurrences.length} af ${f.name} er markeret i dokumentet.`);
    else {
      setStatus('Teksten er ændret siden sidste gennemgang; dokumentet gennemgås igen.');
      void rescan();
    }
  };

  const toggleIgnore = async (id: string) => {
    const next = ignore.includes(id) ? ignore.filter((i) => i !== id) : [...ignore, id];
    setIgnore(next);
    await writeIgnore(doc, next).catch(() => setStatus('Valget kunne ikke gemmes i dokumentet.'));
    setStatus(ignore.includes(id) ? 'Aktivitetstypen medregnes igen.' : 'Aktivitetstypen er sat til side: ikke en del af planen.');
  };

  const insert = async (block: TextBlock) => {
    setPending(null);
    try {
      const result = await doc.insertBlock(block);
      setStatus(
        `»${block.title}« er indsat (${result.paragraphs} afsnit) ${result.afterSelection ? 'efter markeringen, som er bevaret' : 'ved markøren'}. Fortryd i Word fjerner hele blokken.`,
      );
      setInserted(await doc.findInsertedBlocks().catch(() => []));
    } catch (error) {
      setStatus(`Blokken kunne ikke indsættes: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const requestInsert = async (type: ActivityType, kind: BlockKind) => {
    const block = textBlock(type, kind);
    if (await doc.selectionIsEmpty()) await insert(block);
    else {
      setPending(block);
      setStatus('Der er markeret tekst i dokumentet. Vælg, om blokken skal indsættes efter markeringen.');
    }
  };

  const highlight = async (f: Finding) => {
    await doc.clearHighlights();
    const n = await doc.highlight(f.occurrences.map((o) => ({ paragraph: o.paragraph, start: o.start, end: o.end, text: o.text })));
    setStatus(`${n} forekomster af ${f.name} er fremhævet midlertidigt (ændrer ikke dokumentet).`);
  };

  const comment = async (type: ActivityType) => {
    const f = analysis?.findings.find((x) => x.id === type.id);
    const o = f?.occurrences[position[`${f.tier}:${f.id}`] ?? 0] ?? f?.occurrences[0];
    if (!o) return;
    const text = `${type.name}: ${evidenceLabel(type.evidence)}. CFBU's vurdering: »${type.verdict}« Kilde: ${citation(type)}.`;
    const ok = await doc.addComment({ paragraph: o.paragraph, start: o.start, end: o.end, text: o.text }, text);
    setStatus(ok ? 'Kommentaren er tilføjet i dokumentet.' : 'Kommentaren kunne ikke tilføjes.');
  };

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length]!;
    setTab(t.id);
    setDetail(null);
    requestAnimationFrame(() => document.getElementById(`tab-${t.id}`)?.focus());
  };

  return (
    <main class="app">
      <header class="top">
        <h1>Indsatsviden</h1>
        <button type="button" onClick={() => void rescan()} disabled={busy} title="Gennemgå dokumentet igen">
          {busy ? 'Gennemgår …' : 'Opdater'}
        </button>
      </header>
      <p role="status" class="status" data-testid="status">
        {status}
      </p>
      {pending && (
        <div class="confirm" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text">
            Der er markeret tekst. Markeringen overskrives ikke: »{pending.title}« indsættes efter det afsnit, markeringen slutter i.
          </p>
          <button type="button" onClick={() => void insert(pending)} data-testid="confirm-insert">
            Indsæt efter markeringen
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            Annuller
          </button>
        </div>
      )}
      <div role="tablist" aria-label="Visninger" class="tabs" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls="panel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => {
              setTab(t.id);
              setDetail(null);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`} class="panel">
        {detail ? (
          <Details
            id={detail}
            analysis={analysis}
            inserted={inserted}
            canComment={doc.capabilities.comments}
            onBack={() => setDetail(null)}
            onOpen={open}
            onInsert={(type, kind) => void requestInsert(type, kind)}
            onComment={(type) => void comment(type)}
          />
        ) : tab === 'katalog' ? (
          <Catalogue analysis={analysis} onOpen={open} />
        ) : !analysis ? (
          <p>Læser dokumentet …</p>
        ) : tab === 'oversigt' ? (
          <Overview analysis={analysis} onOpen={open} />
        ) : (
          <Findings
            analysis={analysis}
            position={position}
            canHighlight={doc.capabilities.highlight}
            onOpen={open}
            onGoTo={(f, i) => void goTo(f, i)}
            onToggleIgnore={(id) => void toggleIgnore(id)}
            onHighlight={(f) => void highlight(f)}
          />
        )}
      </div>
    </main>
  );
}
