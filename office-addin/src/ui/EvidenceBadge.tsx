// Evidence status as text and icon (never colour alone).
import { evidenceLabel } from '../../../core/catalog/index.js';
import type { Evidence } from '../../../core/types.js';

export function EvidenceBadge({ evidence }: { evidence: Evidence }) {
  const documented = evidence === 'documented';
  return (
    <span class={`badge ${documented ? 'badge-documented' : 'badge-not-documented'}`}>
      <span aria-hidden="true">{documented ? '✓' : '!'}</span> {evidenceLabel(evidence)}
    </span>
  );
}
