// User settings, stored with WXT storage in the extension's local storage (never synced, never sent anywhere).
import { storage } from 'wxt/utils/storage';
import { isTestBuild } from './browser.js';
import { matchesPattern } from './sites.js';

export { matchesPattern, sitePattern } from './sites.js';

/** LBF's driftsstøtte system: the preset site, registered statically in the manifest. */
export const PRESET_SITE = 'https://driftsstoette.lbf.dk/*';
export const TEST_SITE = 'http://127.0.0.1/*';

export type SiteMode = 'all' | 'chosen';
export type UnderlineStyle = 'line' | 'background';

export const siteMode = storage.defineItem<SiteMode>('local:siteMode', { fallback: 'chosen' });
/** Match patterns of the sites the user chose (the preset is always among them unless removed). */
export const chosenSites = storage.defineItem<string[]>('local:chosenSites', { fallback: [PRESET_SITE] });
export const showConcepts = storage.defineItem<boolean>('local:showConcepts', { fallback: true });
export const underlineStyle = storage.defineItem<UnderlineStyle>('local:underlineStyle', { fallback: 'line' });
/** Activity types set aside per page ("ikke en del af planen"), keyed by origin + path. */
export const setAside = storage.defineItem<Record<string, string[]>>('local:setAside', { fallback: {} });
/** The activity type the side panel should show next (set by the card's "Se alle detaljer"). */
export const selectedType = storage.defineItem<string | null>('local:selectedType', { fallback: null });

export interface FrameReport {
  url: string;
  pageKey: string;
  /** One entry per field: its matches (ids, tiers, offsets), never the text around them. */
  fields: { id: string; tier: 'name' | 'concept'; start: number; end: number; text: string; pattern: string }[][];
  at: number;
}

/** The findings the content scripts of one tab reported, per frame (session storage: gone when the browser closes). */
export const tabReports = (tabId: number) =>
  storage.defineItem<Record<string, FrameReport>>(`session:tab-${tabId}`, { fallback: {} });

export function pageKeyOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

export async function enabledFor(url: string): Promise<boolean> {
  if (isTestBuild() && matchesPattern(TEST_SITE, url)) return true;
  if ((await siteMode.getValue()) === 'all') return true;
  return (await chosenSites.getValue()).some((p) => matchesPattern(p, url));
}
