// Types of the compiled catalogue, inferred from the zod schemas. Type-only imports are erased, so modules that
// use these types never pull zod into a bundle.
import type { z } from 'zod';
import type * as S from './schema.js';

export type Catalog = z.infer<typeof S.Catalog>;
export type ActivityType = z.infer<typeof S.ActivityType>;
export type FocusArea = z.infer<typeof S.FocusArea>;
export type Edition = z.infer<typeof S.Edition>;
export type Block = z.infer<typeof S.Block>;
export type Section = z.infer<typeof S.Section>;
export type SectionKey = z.infer<typeof S.SectionKey>;
export type FocusAreaId = z.infer<typeof S.FocusAreaId>;
export type Evidence = z.infer<typeof S.Evidence>;
export type DetectionRules = z.infer<typeof S.DetectionRules>;
