// Whole-plan analysis: which activity types a plan mentions, its share of types with documented effect against
// LBF's requirement, focus-area coverage and documented alternatives. Pure: text in, analysis out. It reports
// mentions; it does not claim to understand intent ("we will not run a værested" is a mention too).
import { catalog as bundled, editionLabel, pageLabel } from './catalog/index.js';
import { createDetector, type Detector, type Match, type Tier } from './detect/detector.js';
import { ParagraphDetector } from './detect/incremental.js';
import type { ActivityType, Catalog, Evidence, FocusAreaId } from './types.js';

export interface Paragraph {
  text: string;
  /** True for a heading paragraph. */
  heading?: boolean;
  /** Heading level (1 = top) for heading paragraphs. */
  level?: number;
}

export interface Occurrence {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  /** The text of the nearest heading above the occurrence (or the heading itself). */
  heading?: string;
  pattern: string;
  candidates?: string[];
}

export interface Finding {
  id: string;
  name: string;
  tier: Tier;
  count: number;
  evidence: Evidence;
  focusAreas: FocusAreaId[];
  page: number;
  pageLabel: string;
  occurrences: Occurrence[];
  /** The writer set the type aside ("ikke en del af planen"): shown, but not counted. */
  ignored: boolean;
}

export interface EvidenceSummary {
  documented: number;
  total: number;
  /** documented / total, null when nothing is found. */
  share: number | null;
  meetsRequirement: boolean;
  /** Types of documented effect still needed to exceed half (0 when met). */
  missing: number;
  /** Types without documented effect the plan could add and still meet the requirement (0 when not met). */
  headroom: number;
  documentedIds: string[];
  notDocumentedIds: string[];
}

export interface CoverageEntry {
  id: FocusAreaId;
  name: string;
  types: { id: string; name: string; evidence: Evidence; tier: Tier }[];
}

export interface Alternative {
  id: string;
  name: string;
  page: number;
  pageLabel: string;
  sharedFocusAreas: FocusAreaId[];
  /** The alternative is already mentioned in the plan. */
  inPlan: boolean;
}

export interface Analysis {
  edition: { id: string; label: string; requirement: string; requirementSource: string };
  paragraphs: Paragraph[];
  findings: Finding[];
  /** On name-tier findings (the default basis). */
  evidence: EvidenceSummary;
  /** On name- and concept-tier findings together, shown separately. */
  evidenceWithConcepts: EvidenceSummary;
  /** The verdict line, in Danish. */
  verdict: string;
  coverage: Record<FocusAreaId, CoverageEntry>;
  alternatives: Record<string, Alternative[]>;
  ignored: string[];
  counts: { name: number; concept: number; mentions: number };
}

export interface AnalyseOptions {
  /** Activity-type ids the writer set aside ("ikke en del af planen"). */
  ignore?: readonly string[];
  catalog?: Catalog;
  /** Matches per paragraph, when the caller has them already (incremental scans in the Word add-in). */
  matches?: Match[][];
}

const detectors = new WeakMap<Catalog, ParagraphDetector>();

/** Splits plain text into paragraphs at blank lines; Markdown headings ("## …") become heading paragraphs. */
export function toParagraphs(text: string, { markdown = false } = {}): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    if (block.trim() === '') continue;
    if (markdown) {
      // A heading line starts its own paragraph even without a blank line after it.
      const lines = block.split('\n');
      let body: string[] = [];
      const flush = () => {
        if (body.join('').trim()) paragraphs.push({ text: body.join('\n').trim() });
        body = [];
      };
      for (const line of lines) {
        const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
        if (h) {
          flush();
          paragraphs.push({ text: h[2]!, heading: true, level: h[1]!.length });
        } else body.push(line);
      }
      flush();
    } else paragraphs.push({ text: block.trim() });
  }
  return paragraphs;
}

function summarise(types: ActivityType[]): EvidenceSummary {
  const documentedIds = types.filter((t) => t.evidence === 'documented').map((t) => t.id);
  const notDocumentedIds = types.filter((t) => t.evidence !== 'documented').map((t) => t.id);
  const documented = documentedIds.length;
  const total = types.length;
  const meetsRequirement = total > 0 && documented * 2 > total;
  return {
    documented,
    total,
    share: total === 0 ? null : documented / total,
    meetsRequirement,
    missing: total === 0 || meetsRequirement ? 0 : total - 2 * documented + 1,
    headroom: meetsRequirement ? 2 * documented - total - 1 : 0,
    documentedIds,
    notDocumentedIds,
  };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The Danish verdict line: LBF's requirement quoted, and where the plan stands. */
export function verdictLine(e: EvidenceSummary, c: Catalog = bundled): string {
  const quote = `LBF kræver, at »${c.edition.lbfRequirement}«.`;
  const basis = `Ud fra de aktivitetstyper, der er nævnt i teksten, og ${editionLabel(c)}`;
  if (e.total === 0) {
    return `${quote} ${basis} kan andelen ikke beregnes: der er ikke fundet nogen aktivitetstyper fra kataloget.`;
  }
  const status = `har ${e.documented} af ${plural(e.total, 'aktivitetstype', 'aktivitetstyper')} (${percent(e.share!)}) dokumenteret virkning`;
  if (e.meetsRequirement) {
    const room =
      e.headroom === 0
        ? 'Planen ligger lige over grænsen: én aktivitetstype mere uden dokumenteret virkning, og kravet er ikke opfyldt.'
        : `Planen ligger ${plural(e.headroom, 'aktivitetstype', 'aktivitetstyper')} over grænsen: den kan rumme ${e.headroom} mere uden dokumenteret virkning og stadig opfylde kravet.`;
    return `${quote} ${basis} ${status}, og kravet om størstedelen er opfyldt. ${room}`;
  }
  return (
    `${quote} ${basis} ${status}, og kravet om størstedelen er ikke opfyldt. ` +
    `Planen ligger ${plural(e.missing, 'aktivitetstype', 'aktivitetstyper')} under grænsen: der skal ${e.missing} mere med dokumenteret virkning til (eller færre uden).`
  );
}

export function analysePlan(input: string | readonly Paragraph[], options: AnalyseOptions = {}): Analysis {
  const c = options.catalog ?? bundled;
  const paragraphs = typeof input === 'string' ? toParagraphs(input) : input.map((p) => ({ ...p }));
  const ignored = [...new Set(options.ignore ?? [])];
  const byId = new Map(c.activityTypes.map((t) => [t.id, t]));

  let matches = options.matches;
  if (!matches || matches.length !== paragraphs.length) {
    let pd = detectors.get(c);
    if (!pd) {
      pd = new ParagraphDetector(createDetector(c.activityTypes) as Detector);
      detectors.set(c, pd);
    }
    matches = pd.detect(paragraphs.map((p) => p.text));
  }

  const findings = new Map<string, Finding>();
  let currentHeading: string | undefined;
  let mentions = 0;
  paragraphs.forEach((p, index) => {
    if (p.heading) currentHeading = p.text.trim();
    for (const m of matches![index] ?? []) {
      const type = byId.get(m.id);
      if (!type) continue;
      mentions++;
      const key = `${m.tier}:${m.id}`;
      let f = findings.get(key);
      if (!f) {
        f = {
          id: type.id,
          name: type.name,
          tier: m.tier,
          count: 0,
          evidence: type.evidence,
          focusAreas: [...type.focusAreas],
          page: type.page,
          pageLabel: pageLabel(type),
          occurrences: [],
          ignored: ignored.includes(type.id),
        };
        findings.set(key, f);
      }
      f.count++;
      const occurrence: Occurrence = { paragraph: index, start: m.start, end: m.end, text: m.text, pattern: m.pattern };
      if (currentHeading !== undefined) occurrence.heading = currentHeading;
      if (m.candidates) occurrence.candidates = m.candidates;
      f.occurrences.push(occurrence);
    }
  });

  const order = new Map(c.activityTypes.map((t, i) => [t.id, i]));
  const all = [...findings.values()].sort(
    (a, b) => (a.tier === b.tier ? 0 : a.tier === 'name' ? -1 : 1) || order.get(a.id)! - order.get(b.id)!,
  );
  const active = all.filter((f) => !ignored.includes(f.id));
  const nameIds = [...new Set(active.filter((f) => f.tier === 'name').map((f) => f.id))];
  const anyIds = [...new Set(active.map((f) => f.id))];
  const evidence = summarise(nameIds.map((id) => byId.get(id)!));
  const evidenceWithConcepts = summarise(anyIds.map((id) => byId.get(id)!));

  const coverage = {} as Record<FocusAreaId, CoverageEntry>;
  for (const area of c.focusAreas) {
    const types = anyIds
      .map((id) => byId.get(id)!)
      .filter((t) => t.focusAreas.includes(area.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        evidence: t.evidence,
        tier: (nameIds.includes(t.id) ? 'name' : 'concept') as Tier,
      }))
      .sort((a, b) => (a.evidence === b.evidence ? 0 : a.evidence === 'documented' ? -1 : 1));
    coverage[area.id] = { id: area.id, name: area.name, types };
  }

  const alternatives: Record<string, Alternative[]> = {};
  for (const id of anyIds) {
    const type = byId.get(id)!;
    if (type.evidence === 'documented') continue;
    alternatives[id] = c.activityTypes
      .filter((t) => t.evidence === 'documented' && t.id !== id)
      .map((t) => ({ t, shared: t.focusAreas.filter((a) => type.focusAreas.includes(a)) }))
      .filter(({ shared }) => shared.length > 0)
      .sort((a, b) => b.shared.length - a.shared.length || a.t.page - b.t.page)
      .map(({ t, shared }) => ({
        id: t.id,
        name: t.name,
        page: t.page,
        pageLabel: pageLabel(t),
        sharedFocusAreas: shared,
        inPlan: anyIds.includes(t.id),
      }));
  }

  return {
    edition: {
      id: c.edition.id,
      label: editionLabel(c),
      requirement: c.edition.lbfRequirement,
      requirementSource: c.edition.lbfRequirementSource,
    },
    paragraphs,
    findings: all,
    evidence,
    evidenceWithConcepts,
    verdict: verdictLine(evidence, c),
    coverage,
    alternatives,
    ignored,
    counts: {
      name: all.filter((f) => f.tier === 'name').length,
      concept: all.filter((f) => f.tier === 'concept').length,
      mentions,
    },
  };
}
