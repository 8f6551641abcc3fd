// Findings: activity types found, grouped by tier and evidence, with their occurrences (go-to, next/previous),
// a preview of the catalogue's description on hover or focus, and "ikke en del af planen".
import type { Analysis, Finding } from '../../../core/analysis.js';
import { activityType } from '../../../core/catalog/index.js';
import { previewText } from '../catalog-view.js';
import { EvidenceBadge } from './EvidenceBadge.js';

export interface FindingsProps {
  analysis: Analysis;
  position: Record<string, number>;
  canHighlight: boolean;
  onOpen: (id: string) => void;
  onGoTo: (finding: Finding, index: number) => void;
  onToggleIgnore: (id: string) => void;
  onHighlight: (finding: Finding) => void;
}

const SHOWN_OCCURRENCES = 12;

const groups: { key: string; title: string; pick: (f: Finding) => boolean }[] = [
  { key: 'documented', title: 'Med dokumenteret virkning', pick: (f) => !f.ignored && f.tier === 'name' && f.evidence === 'documented' },
  { key: 'not-documented', title: 'Uden dokumenteret virkning', pick: (f) => !f.ignored && f.tier === 'name' && f.evidence !== 'documented' },
  { key: 'concept', title: 'Fund på begrebsniveau (ikke navngivet)', pick: (f) => !f.ignored && f.tier === 'concept' },
  { key: 'ignored', title: 'Sat til side (ikke en del af planen)', pick: (f) => f.ignored },
];

export function Findings(props: FindingsProps) {
  const { analysis } = props;
  if (analysis.findings.length === 0) {
    return (
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">Fund</h2>
        <p>Der er ikke fundet aktivitetstyper fra kataloget i dokumentet.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">Fund</h2>
      {groups.map((g) => {
        const items = analysis.findings.filter(g.pick);
        if (items.length === 0) return null;
        return (
          <section key={g.key} aria-labelledby={`group-${g.key}`} class="group" data-testid={`group-${g.key}`}>
            <h3 id={`group-${g.key}`}>
              {g.title} ({items.length})
            </h3>
            <ul class="findings">
              {items.map((f) => (
                <FindingCard key={`${f.tier}:${f.id}`} finding={f} {...props} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function FindingCard({ finding: f, position, canHighlight, onOpen, onGoTo, onToggleIgnore, onHighlight }: FindingsProps & { finding: Finding }) {
  const type = activityType(f.id);
  const key = `${f.tier}-${f.id}`;
  const current = position[`${f.tier}:${f.id}`] ?? -1;
  const total = f.occurrences.length;
  const go = (i: number) => onGoTo(f, ((i % total) + total) % total);
  return (
    <li class="finding" data-testid={`finding-${f.id}`} data-tier={f.tier}>
      <div class="finding-head">
        <button type="button" class="link finding-name" aria-describedby={`preview-${key}`} onClick={() => onOpen(f.id)}>
          {f.name}
        </button>
        <div role="tooltip" id={`preview-${key}`} class="preview">
          {type ? `${previewText(type)} (${f.pageLabel})` : ''}
        </div>
      </div>
      <p class="meta">
        <EvidenceBadge evidence={f.evidence} />
        {f.tier === 'concept' && <span class="tier-label"> Begrebsniveau</span>} <span>{f.pageLabel}</span> ·{' '}
        <span data-testid="occurrence-count">{f.count}</span> {f.count === 1 ? 'forekomst' : 'forekomster'}
      </p>
      <div class="nav" role="group" aria-label={`Forekomster af ${f.name}`}>
        <button type="button" onClick={() => go(current - 1)} aria-label={`Forrige forekomst af ${f.name}`}>
          ‹ Forrige
        </button>
        <span aria-live="polite" data-testid="position">
          {current >= 0 ? `${current + 1} af ${total}` : `${total} i alt`}
        </span>
        <button type="button" onClick={() => go(current + 1)} aria-label={`Næste forekomst af ${f.name}`}>
          Næste ›
        </button>
      </div>
      <ol class="occurrences">
        {f.occurrences.slice(0, SHOWN_OCCURRENCES).map((o, i) => (
          <li key={`${o.paragraph}:${o.start}`}>
            <button
              type="button"
              class={`link occurrence${i === current ? ' current' : ''}`}
              aria-current={i === current ? 'true' : undefined}
              aria-label={`Gå til forekomst ${i + 1} af ${total}: »${o.text}«${o.heading ? ` under ${o.heading}` : ''}`}
              onClick={() => onGoTo(f, i)}
            >
              »{o.text}«
            </button>
            {o.heading && <span class="muted"> – {o.heading}</span>}
          </li>
        ))}
      </ol>
      {total > SHOWN_OCCURRENCES && <p class="muted">Brug Næste/Forrige for de sidste {total - SHOWN_OCCURRENCES}.</p>}
      <div class="actions">
        <button type="button" aria-pressed={f.ignored} onClick={() => onToggleIgnore(f.id)}>
          {f.ignored ? 'Medregn igen' : 'Ikke en del af planen'}
        </button>
        {canHighlight && (
          <button type="button" onClick={() => onHighlight(f)}>
            Markér i dokumentet
          </button>
        )}
      </div>
    </li>
  );
}
