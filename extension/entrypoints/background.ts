// Background: registers the content script for the sites the user granted, collects each tab's findings from its
// frames, and opens the side panel with a type's details. No network access of any kind.
import { defineBackground } from 'wxt/utils/define-background';
import { browser, extensionUrl } from '../lib/browser.js';
import {
  chosenSites,
  pageKeyOf,
  PRESET_SITE,
  selectedType,
  siteMode,
  tabReports,
  type FrameReport,
} from '../lib/settings.js';

const DYNAMIC_ID = 'indsatsviden-sites';
const CONTENT_JS = 'content-scripts/content.js';

/** The patterns the content script should run on besides the manifest's preset: granted and chosen by the user. */
async function wantedMatches(): Promise<string[]> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  if ((await siteMode.getValue()) === 'all') return granted.includes('<all_urls>') ? ['<all_urls>'] : [];
  const sites = await chosenSites.getValue();
  return sites.filter((s) => s !== PRESET_SITE && (granted.includes(s) || granted.includes('<all_urls>')));
}

async function syncRegistration(): Promise<void> {
  const matches = await wantedMatches();
  const scripting = browser.scripting;
  const existing = await scripting.getRegisteredContentScripts({ ids: [DYNAMIC_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: [DYNAMIC_ID] });
  if (!matches.length) return;
  await scripting.registerContentScripts([
    { id: DYNAMIC_ID, js: [CONTENT_JS], matches, allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

async function storeReport(tabId: number, frameId: number, report: FrameReport): Promise<void> {
  const item = tabReports(tabId);
  const all = { ...(await item.getValue()) };
  // A new page in the top frame: reports from the previous page's frames no longer apply.
  if (frameId === 0) {
    for (const [key, r] of Object.entries(all)) if (r.pageKey !== report.pageKey) delete all[key];
  }
  all[String(frameId)] = report;
  await item.setValue(all);
}

function openDetails(id: string, tabId: number | undefined, windowId: number | undefined): void {
  const b = browser as unknown as {
    sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  // The panel must be opened before any await, while the click's user gesture still counts.
  let opening: Promise<void> | undefined;
  try {
    if (b.sidePanel && (tabId !== undefined || windowId !== undefined)) {
      opening = b.sidePanel.open(tabId !== undefined ? { tabId } : { windowId: windowId! });
    } else if (b.sidebarAction) opening = b.sidebarAction.open();
  } catch {
    opening = undefined;
  }
  void selectedType.setValue(id);
  (opening ?? Promise.reject(new Error('no panel'))).catch(() =>
    browser.tabs.create({ url: extensionUrl(`/sidepanel.html#type=${encodeURIComponent(id)}${tabId !== undefined ? `&tab=${tabId}` : ''}`) }),
  );
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void syncRegistration());
  browser.runtime.onStartup?.addListener(() => void syncRegistration());
  browser.permissions.onAdded.addListener(() => void syncRegistration());
  browser.permissions.onRemoved.addListener(() => void syncRegistration());
  siteMode.watch(() => void syncRegistration());
  chosenSites.watch(() => void syncRegistration());
  browser.tabs.onRemoved.addListener((tabId) => void tabReports(tabId).removeValue());

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const msg = message as { type?: string; report?: FrameReport; id?: string };
    if (msg?.type === 'iv:report' && msg.report && sender.tab?.id !== undefined) {
      const report = { ...msg.report, pageKey: msg.report.pageKey || pageKeyOf(sender.tab.url ?? msg.report.url) };
      return storeReport(sender.tab.id, sender.frameId ?? 0, report).then(() => true);
    }
    if (msg?.type === 'iv:open-details' && typeof msg.id === 'string') {
      openDetails(msg.id, sender.tab?.id, sender.tab?.windowId);
      return undefined;
    }
    return undefined;
  });
});

