// Catalogue helpers for the panel (runtime-safe: no zod).
import { focusArea, searchCatalog } from '../../core/catalog/index.js';
import { leadSentences } from '../../core/text.js';
import type { ActivityType, SectionKey } from '../../core/types.js';
import { sectionKeys } from '../../core/sections.js';

/** The catalogue's seven sections in print order. */
export const SECTION_ORDER: readonly SectionKey[] = sectionKeys;

/** A short excerpt of the type's description, the catalogue's own words. */
export function previewText(type: ActivityType, maxChars = 180): string {
  return leadSentences(type.sections.description.text, maxChars);
}

export const focusAreaName = (id: string) => focusArea(id)?.name ?? id;

export function searchCatalogue(query: string, area: string): ActivityType[] {
  return searchCatalog(query, { focusArea: area });
}
