// Entry of the task pane. In Word: the Office.js adapter. Outside Office (Office.onReady reports no host) the pane
// says so, unless a test host has provided a plan for the in-memory document (the end-to-end test does).
/// <reference types="office-js" />
import { render } from 'preact';
import type { WordParagraph } from './word/document.js';
import { FakeWordDocument } from './word/fake-document.js';
import { OfficeWordDocument } from './word/office-document.js';
import { App } from './ui/App.js';
import './styles.css';

declare global {
  interface Window {
    /** Set by a test host before the pane loads: paragraphs for the in-memory document. */
    __INDSATSVIDEN_TEST_HOST__?: { paragraphs: WordParagraph[]; rescanDebounceMs?: number };
    __indsatsvidenDocument?: FakeWordDocument;
  }
}

async function officeHost(): Promise<string | null> {
  if (typeof Office === 'undefined' || !Office.onReady) return null;
  const info = await Office.onReady();
  return info.host ? String(info.host) : null;
}

async function start() {
  const root = document.getElementById('app')!;
  const host = await officeHost().catch(() => null);
  if (host === 'Word') {
    render(<App doc={new OfficeWordDocument()} />, root);
    return;
  }
  const testHost = window.__INDSATSVIDEN_TEST_HOST__;
  if (testHost) {
    const doc = new FakeWordDocument(testHost.paragraphs);
    window.__indsatsvidenDocument = doc;
    render(<App doc={doc} rescanDebounceMs={testHost.rescanDebounceMs} />, root);
    return;
  }
  render(
    <main class="app">
      <h1>Indsatsviden</h1>
      <p>Åbn Indsatsviden fra fanen Hjem i Word for at se aktivitetstyperne i dit dokument.</p>
    </main>,
    root,
  );
}

void start();
