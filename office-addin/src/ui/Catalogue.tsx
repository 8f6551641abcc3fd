// The whole catalogue: search by name and filter by focus area, also types not in the document.
import { useState } from 'preact/hooks';
import type { Analysis } from '../../../core/analysis.js';
import { catalog, editionLabel, pageLabel } from '../../../core/catalog/index.js';
import { searchCatalogue } from '../catalog-view.js';
import { EvidenceBadge } from './EvidenceBadge.js';

export function Catalogue({ analysis, onOpen }: { analysis: Analysis | null; onOpen: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [area, setArea] = useState('');
  const found = new Set(analysis?.findings.filter((f) => !f.ignored).map((f) => f.id) ?? []);
  const types = searchCatalogue(query, area);
  return (
    <section aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">Katalog</h2>
      <div class="filters">
        <label>
          Søg efter aktivitetstype
          <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Indsatsområde
          <select value={area} onChange={(e) => setArea((e.target as HTMLSelectElement).value)}>
            <option value="">Alle indsatsområder</option>
            {catalog.focusAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p aria-live="polite" data-testid="catalogue-count">
        {types.length} af {catalog.activityTypes.length} aktivitetstyper
      </p>
      <ul class="catalogue">
        {types.map((t) => (
          <li key={t.id} data-testid={`catalogue-${t.id}`}>
            <button type="button" class="link" onClick={() => onOpen(t.id)}>
              {t.name}
            </button>{' '}
            <EvidenceBadge evidence={t.evidence} /> <span class="muted">{pageLabel(t)}</span>
            {found.has(t.id) && <strong> · i dokumentet</strong>}
          </li>
        ))}
      </ul>
      <p class="source">Kilde: {editionLabel()}.</p>
    </section>
  );
}
