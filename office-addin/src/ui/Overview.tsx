// Overview: the evidence meter against LBF's "størstedelen", focus-area coverage, counts per tier, verdict line.
import type { Analysis } from '../../../core/analysis.js';
import { EvidenceBadge } from './EvidenceBadge.js';

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);

export function Overview({ analysis, onOpen }: { analysis: Analysis; onOpen: (id: string) => void }) {
  const e = analysis.evidence;
  const c = analysis.evidenceWithConcepts;
  const share = e.share ?? 0;
  return (
    <section aria-labelledby="overview-title" class="overview">
      <h2 id="overview-title">Oversigt</h2>
      <div class="meter-block">
        <p id="meter-label" class="meter-caption">
          Andel aktivitetstyper med dokumenteret virkning: <strong data-testid="evidence-share">{pct(e.share)}</strong>{' '}
          (<span data-testid="evidence-count">{e.documented} af {e.total}</span>)
        </p>
        <div
          class="meter"
          role="meter"
          aria-labelledby="meter-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
          aria-valuetext={`${pct(e.share)}; kravet er over 50 %`}
        >
          <div class={`meter-fill ${e.meetsRequirement ? 'meter-ok' : 'meter-low'}`} style={{ width: `${share * 100}%` }} />
          <div class="meter-mark" aria-hidden="true" />
        </div>
        <p class="meter-legend">
          <span aria-hidden="true">┆</span> Stregen markerer »størstedelen« (over halvdelen).{' '}
          <strong data-testid="requirement-status">
            {e.total === 0 ? 'Ingen aktivitetstyper fundet.' : e.meetsRequirement ? '✓ Kravet er opfyldt.' : '! Kravet er ikke opfyldt.'}
          </strong>
        </p>
        <p class="verdict" data-testid="verdict">
          {analysis.verdict}
        </p>
        <p class="muted">
          Medregnes også fund på begrebsniveau: {c.documented} af {c.total} ({pct(c.share)}).
        </p>
      </div>
      <h3>Antal fund</h3>
      <ul class="counts">
        <li>
          Navngivne aktivitetstyper: <strong data-testid="count-name">{analysis.counts.name}</strong>
        </li>
        <li>
          Fund på begrebsniveau: <strong data-testid="count-concept">{analysis.counts.concept}</strong>
        </li>
        <li>
          Forekomster i alt: <strong data-testid="count-mentions">{analysis.counts.mentions}</strong>
        </li>
      </ul>
      <h3>Indsatsområder</h3>
      <ul class="coverage">
        {Object.values(analysis.coverage).map((area) => (
          <li key={area.id} data-testid={`coverage-${area.id}`}>
            <strong>{area.name}</strong>: {area.types.length === 0 ? 'ingen aktivitetstyper' : `${area.types.length} aktivitetstyper`}
            {area.types.length > 0 && (
              <ul>
                {area.types.map((t) => (
                  <li key={t.id}>
                    <button type="button" class="link" onClick={() => onOpen(t.id)}>
                      {t.name}
                    </button>{' '}
                    <EvidenceBadge evidence={t.evidence} />
                    {t.tier === 'concept' && <span class="tier"> (begrebsniveau)</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <p class="source">Kilde: {analysis.edition.label}.</p>
    </section>
  );
}
