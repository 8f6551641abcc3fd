// The writer's choices kept with the document (Office document settings), not in the browser.
import type { WordDocument } from './word/document.js';

export const IGNORE_KEY = 'indsatsviden.ignore';

export function readIgnore(doc: WordDocument): string[] {
  const value = doc.getSetting<unknown>(IGNORE_KEY);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function writeIgnore(doc: WordDocument, ids: readonly string[]): Promise<void> {
  await doc.setSetting(IGNORE_KEY, [...new Set(ids)].sort());
}
