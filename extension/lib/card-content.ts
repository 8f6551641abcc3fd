// What the hover card shows for an activity type: all of it taken from the catalogue, verbatim.
import {
  activityType,
  blockKinds,
  blockKindTitles,
  blockToText,
  editionLabel,
  evidenceLabel,
  focusArea,
  leadSentences,
  pageLabel,
  textBlock,
  type BlockKind,
} from '../../core/index.js';

export const SUMMARY_CHARS = 260;

export interface CardContent {
  id: string;
  name: string;
  evidence: 'documented' | 'not-documented';
  evidenceLabel: string;
  /** A symbol beside the label, so the status is not told by colour alone. */
  evidenceIcon: string;
  focusAreas: string[];
  summary: string;
  prerequisites: string[];
  pageLabel: string;
  edition: string;
  blocks: { kind: BlockKind; title: string }[];
}

export function cardContent(id: string): CardContent | undefined {
  const type = activityType(id);
  if (!type) return undefined;
  return {
    id: type.id,
    name: type.name,
    evidence: type.evidence,
    evidenceLabel: evidenceLabel(type.evidence),
    evidenceIcon: type.evidence === 'documented' ? '✓' : '!',
    focusAreas: type.focusAreas.map((a) => focusArea(a)?.name ?? a),
    summary: leadSentences(type.sections.description.text, SUMMARY_CHARS),
    prerequisites: [...type.prerequisites],
    pageLabel: pageLabel(type),
    edition: editionLabel(),
    blocks: blockKinds.map((kind) => ({ kind, title: blockKindTitles[kind] })),
  };
}

/** The plain text of a block as it goes into a field. */
export function blockText(id: string, kind: BlockKind): string {
  const type = activityType(id);
  if (!type) throw new Error(`Ukendt aktivitetstype: ${id}`);
  return blockToText(textBlock(type, kind));
}
