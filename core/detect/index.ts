// The detector configured with the catalogue's rules.
import { catalog } from '../catalog/index.js';
import { createDetector, type Detector, type Match } from './detector.js';

let shared: Detector | undefined;

/** The detector for the bundled catalogue (built once, on first use). */
export function catalogDetector(): Detector {
  shared ??= createDetector(catalog.activityTypes);
  return shared;
}

/** Finds every activity-type mention in `text`, with UTF-16 offsets into it. */
export function detect(text: string): Match[] {
  return catalogDetector().detect(text);
}

export { createDetector, RuleError, type Detector, type Match, type Tier, type RuleSource } from './detector.js';
export { redetect, IncrementalText, ParagraphDetector, type Detected, type Edit } from './incremental.js';
export { normalize } from './normalize.js';
