// Details of one activity type: every catalogue section, the page, documented alternatives for a type without
// documented effect, and the text blocks to insert.
import type { Analysis } from '../../../core/analysis.js';
import { blockKinds, blockKindTitles, type BlockKind } from '../../../core/blocks.js';
import { activityType, catalog, citation, editionLabel, pageLabel } from '../../../core/catalog/index.js';
import type { ActivityType, Block } from '../../../core/types.js';
import { focusAreaName, SECTION_ORDER } from '../catalog-view.js';
import type { InsertedBlock } from '../word/document.js';
import { EvidenceBadge } from './EvidenceBadge.js';

export interface DetailsProps {
  id: string;
  analysis: Analysis | null;
  inserted: InsertedBlock[];
  canComment: boolean;
  onBack: () => void;
  onOpen: (id: string) => void;
  onInsert: (type: ActivityType, kind: BlockKind) => void;
  onComment: (type: ActivityType) => void;
}

/** Documented types sharing a focus area, most shared first (as the analysis does for types in the plan). */
function alternativesFor(type: ActivityType, analysis: Analysis | null) {
  const fromAnalysis = analysis?.alternatives[type.id];
  if (fromAnalysis) return fromAnalysis;
  const inPlan = new Set(analysis?.findings.filter((f) => !f.ignored).map((f) => f.id) ?? []);
  return catalog.activityTypes
    .filter((t) => t.evidence === 'documented' && t.id !== type.id)
    .map((t) => ({ t, shared: t.focusAreas.filter((a) => type.focusAreas.includes(a)) }))
    .filter(({ shared }) => shared.length > 0)
    .sort((a, b) => b.shared.length - a.shared.length || a.t.page - b.t.page)
    .map(({ t, shared }) => ({ id: t.id, name: t.name, pageLabel: pageLabel(t), sharedFocusAreas: shared, inPlan: inPlan.has(t.id) }));
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((b, i) =>
        b.type === 'heading' ? (
          <h5 key={i}>{b.text}</h5>
        ) : b.type === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{b.text}</p>
        ),
      )}
    </>
  );
}

export function Details({ id, analysis, inserted, canComment, onBack, onOpen, onInsert, onComment }: DetailsProps) {
  const type = activityType(id);
  if (!type) return <p>Ukendt aktivitetstype.</p>;
  const finding = analysis?.findings.find((f) => f.id === id);
  const alternatives = type.evidence === 'documented' ? [] : alternativesFor(type, analysis);
  return (
    <article aria-labelledby="details-title" class="details" data-testid="details">
      <button type="button" onClick={onBack}>
        ‹ Tilbage
      </button>
      <h2 id="details-title" tabIndex={-1}>
        {type.name}
      </h2>
      <p class="meta">
        <EvidenceBadge evidence={type.evidence} /> <span data-testid="details-page">{pageLabel(type)}</span>
      </p>
      <p class="muted">
        Indsatsområder: {type.focusAreas.map(focusAreaName).join(', ')}.{' '}
        {finding ? `Nævnt ${finding.count} ${finding.count === 1 ? 'gang' : 'gange'} i dokumentet.` : 'Ikke nævnt i dokumentet.'}
      </p>
      <p class="verdict-quote">CFBU's vurdering: »{type.verdict}«</p>
      {alternatives.length > 0 && (
        <section aria-labelledby="alt-title" class="alternatives">
          <h3 id="alt-title">Alternativer med dokumenteret virkning</h3>
          <ul>
            {alternatives.slice(0, 8).map((a) => (
              <li key={a.id}>
                <button type="button" class="link" onClick={() => onOpen(a.id)}>
                  {a.name}
                </button>{' '}
                ({a.pageLabel}; {a.sharedFocusAreas.map(focusAreaName).join(', ')}){a.inPlan && <strong> – allerede i planen</strong>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="insert-title" class="insert">
        <h3 id="insert-title">Indsæt tekstblok ved markøren</h3>
        <ul class="block-list">
          {blockKinds.map((kind) => {
            const present = inserted.some((b) => b.id === `${type.id}/${kind}`);
            return (
              <li key={kind}>
                <button type="button" onClick={() => onInsert(type, kind)} data-testid={`insert-${kind}`}>
                  Indsæt »{blockKindTitles[kind]}«
                </button>
                {present && <span class="muted"> ✓ allerede i dokumentet</span>}
              </li>
            );
          })}
        </ul>
        {canComment && type.evidence !== 'documented' && finding && (
          <button type="button" onClick={() => onComment(type)}>
            Tilføj kommentar i dokumentet om manglende dokumentation
          </button>
        )}
      </section>
      {SECTION_ORDER.map((key) => {
        const section = type.sections[key];
        return (
          <section key={key} aria-labelledby={`sec-${key}`} class="catalogue-section">
            <h3 id={`sec-${key}`}>{section.title}</h3>
            <Blocks blocks={section.blocks} />
          </section>
        );
      })}
      <p class="source">Kilde: {citation(type)}.</p>
      <p class="source">{editionLabel()}</p>
    </article>
  );
}
