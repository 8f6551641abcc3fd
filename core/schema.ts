// The catalogue's zod schemas: the single source of its types. Only the build (catalogue compiler) and the
// CLI's edges import this module; runtime code imports the types from `./types`, so bundles stay free of zod.
import { z } from 'zod';
import { parsePattern, PatternError } from './detect/patterns.js';

export const ACTIVITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = z.string().regex(ACTIVITY_ID, 'skal være et id med små bogstaver, tal og bindestreger');
const nonEmpty = z.string().trim().min(1, 'må ikke være tom');
const page = z.number().int().positive();
const lineRange = z.tuple([z.number().int().positive(), z.number().int().positive()]);

export const focusAreaIds = [
  'tryghed-og-trivsel',
  'kriminalpraeventiv-indsats',
  'uddannelse-og-beskaeftigelse',
  'forebyggelse-og-foraeldreansvar',
] as const;
export const FocusAreaId = z.enum(focusAreaIds);

export { sectionKeys, sectionTitles, type SectionKeyType } from './sections.js';
import { sectionKeys } from './sections.js';
export const SectionKey = z.enum(sectionKeys);

export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: nonEmpty }),
  z.object({ type: z.literal('list'), items: z.array(nonEmpty).min(1) }),
  z.object({ type: z.literal('heading'), text: nonEmpty }),
]);

export const Section = z.object({
  title: nonEmpty,
  /** Plain text of the section, paragraphs separated by blank lines. */
  text: nonEmpty,
  blocks: z.array(Block).min(1),
});

export const Evidence = z.enum(['documented', 'not-documented']);

const pattern = z
  .string()
  .trim()
  .min(1, 'et mønster må ikke være tomt')
  .refine((p) => !/[A-ZÆØÅÉ]/.test(p), 'mønstre skrives med små bogstaver')
  // The detector's own parser: a pattern it cannot read fails the build here, not in a user's browser.
  .superRefine((p, ctx) => {
    try {
      parsePattern(p);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      ctx.addIssue({ code: 'custom', message: e.message });
    }
  });

export const ConceptCue = z.object({
  cue: pattern,
  /** True when an editor added the cue (an activity the catalogue describes without naming it). */
  curated: z.boolean().default(false),
  /** Source line the cue comes from, when it is the catalogue's own wording. */
  source: z.number().int().positive().optional(),
});

export const DetectionRules = z.object({
  terms: z.array(pattern).min(1, 'skal have mindst ét navneord'),
  concepts: z.array(ConceptCue).default([]),
  exclude: z.array(pattern).default([]),
  context: z.array(pattern).default([]),
  /** Words that name the activity only in a list of activities (a bare "fritidsjob" is a job, not the project). */
  inLists: z.array(pattern).default([]),
});

export const SubActivity = z.object({ name: nonEmpty, description: nonEmpty });

export const ActivityTypeFrontMatter = z.object({
  id,
  name: nonEmpty,
  variants: z.array(nonEmpty).default([]),
  focusAreas: z.array(FocusAreaId).min(1, 'skal have mindst ét indsatsområde'),
  homeFocusArea: FocusAreaId,
  evidence: Evidence,
  verdict: nonEmpty,
  page,
  pageRange: z.tuple([page, page]),
  pageBasis: nonEmpty,
  sourceLines: z.array(lineRange).min(1),
  references: z.array(nonEmpty).default([]),
  related: z.array(id).default([]),
  subActivities: z.array(SubActivity).default([]),
  detection: DetectionRules,
});

export const ActivityType = ActivityTypeFrontMatter.extend({
  /** True when the page is estimated (shown as "ca. s. N"). */
  pageEstimated: z.boolean(),
  sections: z.object({
    description: Section,
    prerequisites: Section,
    targetGroup: Section,
    organisation: Section,
    partners: Section,
    resources: Section,
    documentation: Section,
  }),
  /** The prerequisites as a list (the Grundforudsætninger section's items). */
  prerequisites: z.array(nonEmpty).min(1),
  file: nonEmpty,
});

export const ProgrammeTheory = z.object({
  status: z.enum(['complete', 'partial', 'missing']),
  missingReason: z.string().optional(),
  problems: z.array(nonEmpty).default([]),
  activityTypes: z.array(nonEmpty).default([]),
  steps: z.array(nonEmpty).default([]),
  results: z.array(nonEmpty).default([]),
});

export const FocusAreaFrontMatter = z.object({
  id: FocusAreaId,
  name: nonEmpty,
  number: z.number().int().min(1).max(4),
  page,
  pageRange: z.tuple([page, page]),
  pageBasis: z.string().optional(),
  sourceLines: z.array(lineRange).min(1),
  activityTypes: z.array(id).min(1),
  programmeTheory: ProgrammeTheory.refine(
    (t) => t.status === 'complete' || (t.missingReason ?? '').trim() !== '',
    { message: 'missingReason skal udfyldes, når programteorien ikke er komplet', path: ['missingReason'] },
  ),
});

export const FocusArea = FocusAreaFrontMatter.extend({
  introduction: nonEmpty,
  programmeTheoryText: nonEmpty,
  file: nonEmpty,
});

export const EditionFrontMatter = z.object({
  id,
  title: nonEmpty,
  publisher: nonEmpty,
  shortPublisher: nonEmpty,
  programme: nonEmpty,
  year: z.number().int().optional(),
  lbfRequirement: nonEmpty,
  lbfRequirementSource: nonEmpty,
  lbfRequirementPage: page.optional(),
  pageCount: page,
});

export const Edition = EditionFrontMatter.extend({
  introduction: nonEmpty,
  assessment: nonEmpty,
});

export const Catalog = z.object({
  edition: Edition,
  focusAreas: z.array(FocusArea).length(4),
  activityTypes: z.array(ActivityType).length(40),
});
