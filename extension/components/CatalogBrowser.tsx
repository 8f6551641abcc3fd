// The catalogue browser: search by name, filter by focus area and evidence, and every section of a type with its page.
import { useMemo, useState } from 'preact/hooks';
import { catalog, editionLabel, evidenceLabel, focusArea, pageLabel, activityType, searchCatalog } from '../../core/index.js';
import type { ActivityType, Block, SectionKey } from '../../core/index.js';
import { sectionKeys } from '../../core/sections.js';

const SECTION_ORDER: readonly SectionKey[] = sectionKeys;

export function filterTypes(query: string, area: string, evidence: string): ActivityType[] {
  return searchCatalog(query, { focusArea: area, evidence });
}

export function EvidenceBadge({ evidence }: { evidence: ActivityType['evidence'] }) {
  return (
    <span class={`badge ${evidence}`}>
      <span aria-hidden="true">{evidence === 'documented' ? '✓ ' : '! '}</span>
      {evidenceLabel(evidence)}
    </span>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((b, i) =>
        b.type === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : b.type === 'heading' ? (
          <h4 key={i}>{b.text}</h4>
        ) : (
          <p key={i}>{b.text}</p>
        ),
      )}
    </>
  );
}

export function TypeDetails({ type, onBack }: { type: ActivityType; onBack?: () => void }) {
  return (
    <article aria-labelledby="iv-type-title" data-type-id={type.id}>
      {onBack ? (
        <button type="button" class="link" onClick={onBack}>
          ← Tilbage til listen
        </button>
      ) : null}
      <h2 id="iv-type-title">{type.name}</h2>
      <p class="row">
        <EvidenceBadge evidence={type.evidence} />
        <span class="meta">
          {editionLabel()}, {pageLabel(type)}
        </span>
      </p>
      <p class="meta">Indsatsområder: {type.focusAreas.map((a) => focusArea(a)?.name ?? a).join(', ')}</p>
      <p>CFBU’s vurdering: »{type.verdict}«</p>
      {SECTION_ORDER.map((key) => {
        const section = type.sections[key];
        return (
          <section key={key} class="section" aria-label={section.title}>
            <h3>{section.title}</h3>
            <Blocks blocks={section.blocks} />
          </section>
        );
      })}
      <p class="meta">
        Kilde: {editionLabel()}, {pageLabel(type)}
      </p>
    </article>
  );
}

export function CatalogBrowser({ selected, onSelect }: { selected: string | null; onSelect: (id: string | null) => void }) {
  const [query, setQuery] = useState('');
  const [area, setArea] = useState('');
  const [evidence, setEvidence] = useState('');
  const types = useMemo(() => filterTypes(query, area, evidence), [query, area, evidence]);
  const current = selected ? activityType(selected) : undefined;
  if (current) return <TypeDetails type={current} onBack={() => onSelect(null)} />;
  return (
    <div>
      <div class="filters" role="search">
        <label>
          Søg
          <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Indsatsområde
          <select value={area} onChange={(e) => setArea((e.target as HTMLSelectElement).value)}>
            <option value="">Alle</option>
            {catalog.focusAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Evidens
          <select value={evidence} onChange={(e) => setEvidence((e.target as HTMLSelectElement).value)}>
            <option value="">Alle</option>
            <option value="documented">{evidenceLabel('documented')}</option>
            <option value="not-documented">{evidenceLabel('not-documented')}</option>
          </select>
        </label>
      </div>
      <p class="meta" aria-live="polite">
        {types.length} af {catalog.activityTypes.length} aktivitetstyper
      </p>
      <ul class="types">
        {types.map((t) => (
          <li key={t.id}>
            <button type="button" class="type" onClick={() => onSelect(t.id)}>
              {t.name}
            </button>{' '}
            <EvidenceBadge evidence={t.evidence} /> <span class="meta">{pageLabel(t)}</span>
          </li>
        ))}
      </ul>
      <p class="meta">{editionLabel()}</p>
    </div>
  );
}
