// The hover card: name, evidence, focus areas, summary, prerequisites, page and edition, and the text blocks.
// Rendered by the content script inside its own shadow root.
import type { BlockKind } from '../../core/index.js';
import { cardContent } from '../lib/card-content.js';

export interface CardProps {
  id: string;
  tier: 'name' | 'concept';
  matched: string;
  onInsert: (kind: BlockKind) => void;
  onDetails: () => void;
  onClose: () => void;
  status?: string;
}

export function Card({ id, tier, matched, onInsert, onDetails, onClose, status }: CardProps) {
  const c = cardContent(id);
  if (!c) return null;
  return (
    <div class="card-body" data-type-id={c.id}>
      <div class="card-head">
        <h2 id="iv-card-title" class="card-name">
          {c.name}
        </h2>
        <button type="button" class="close" aria-label="Luk kortet" onClick={onClose}>
          ×
        </button>
      </div>
      <p class={`badge ${c.evidence}`}>
        <span aria-hidden="true" class="badge-icon">
          {c.evidenceIcon}
        </span>{' '}
        {c.evidenceLabel}
      </p>
      {tier === 'concept' ? (
        <p class="tier-note">Fundet ud fra et begreb i teksten (»{matched}«), ikke typens navn.</p>
      ) : null}
      <p class="areas">
        <span class="label">Indsatsområder:</span> {c.focusAreas.join(', ')}
      </p>
      <p class="summary">{c.summary}</p>
      {c.prerequisites.length ? (
        <div class="prereq">
          <h3>Grundforudsætninger</h3>
          <ul>
            {c.prerequisites.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="source">
        {c.edition}, {c.pageLabel}
      </p>
      <div class="actions" role="group" aria-label="Indsæt tekstblok">
        {c.blocks.map((b) => (
          <button type="button" key={b.kind} data-kind={b.kind} onClick={() => onInsert(b.kind)}>
            Indsæt {b.title.toLowerCase()}
          </button>
        ))}
      </div>
      <button type="button" class="details" onClick={onDetails}>
        Se alle detaljer
      </button>
      <p class="status" role="status">
        {status ?? ''}
      </p>
    </div>
  );
}
