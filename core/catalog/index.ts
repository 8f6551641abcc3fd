// Runtime access to the compiled catalogue (generated/catalog.json, validated at build time: trusted here).
import data from '../../generated/catalog.json';
import type { ActivityType, Catalog, FocusArea, FocusAreaId } from '../types.js';

export const catalog = data as unknown as Catalog;

const byId = new Map(catalog.activityTypes.map((t) => [t.id, t]));
const areaById = new Map(catalog.focusAreas.map((a) => [a.id, a]));

export function activityType(id: string): ActivityType | undefined {
  return byId.get(id);
}

export function focusArea(id: FocusAreaId | string): FocusArea | undefined {
  return areaById.get(id as FocusAreaId);
}

/** "s. 105", or "ca. s. 105" where the page is estimated, as the source map says. */
export function pageLabel(type: Pick<ActivityType, 'page' | 'pageEstimated'>): string {
  return `${type.pageEstimated ? 'ca. ' : ''}s. ${type.page}`;
}

/** The edition as shown beside catalogue content. */
export function editionLabel(c: Catalog = catalog): string {
  const e = c.edition;
  return `${e.shortPublisher}, ${e.title} (${e.programme})`;
}

/** Citation of a type's place in the catalogue: "CFBU, Inspirations- og vidensKatalog (…), s. 105". */
export function citation(type: Pick<ActivityType, 'page' | 'pageEstimated'>, c: Catalog = catalog): string {
  return `${editionLabel(c)}, ${pageLabel(type)}`;
}

export const evidenceLabel = (evidence: ActivityType['evidence']): string =>
  evidence === 'documented' ? 'Dokumenteret virkning' : 'Ikke dokumenteret virkning';

/** Ids that look most like `input` (for "did you mean" messages). */
export function nearestIds(input: string, limit = 3): string[] {
  const scored = catalog.activityTypes.map((t) => ({ id: t.id, d: distance(input.toLowerCase(), t.id) }));
  const contains = scored.filter((s) => s.id.includes(input.toLowerCase()) && input.length >= 3);
  const ranked = [...contains, ...scored.sort((a, b) => a.d - b.d)];
  return [...new Set(ranked.map((s) => s.id))].slice(0, limit);
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

const fold = (s: string) => s.toLocaleLowerCase('da').normalize('NFC');

/** Activity types whose name or a name variant contains `query`, optionally in one focus area and of one evidence. */
export function searchCatalog(
  query: string,
  filter: { focusArea?: string; evidence?: string } = {},
  c: Catalog = catalog,
): ActivityType[] {
  const q = fold(query.trim());
  return c.activityTypes.filter(
    (t) =>
      (!q || fold(t.name).includes(q) || t.variants.some((v) => fold(v).includes(q))) &&
      (!filter.focusArea || t.focusAreas.includes(filter.focusArea as FocusAreaId)) &&
      (!filter.evidence || t.evidence === filter.evidence),
  );
}
