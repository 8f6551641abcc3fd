// The popup's and the side panel's content: the page's findings and the catalogue browser.
import { useEffect, useState } from 'preact/hooks';
import { editionLabel } from '../../core/index.js';
import { browser } from '../lib/browser.js';
import { selectedType } from '../lib/settings.js';
import { CatalogBrowser } from './CatalogBrowser.js';
import { Findings } from './Findings.js';

export function Panel({ initialType }: { initialType?: string | null }) {
  const [view, setView] = useState<'page' | 'catalog'>(initialType ? 'catalog' : 'page');
  const [selected, setSelected] = useState<string | null>(initialType ?? null);
  useEffect(
    () =>
      selectedType.watch((id) => {
        if (id) {
          setSelected(id);
          setView('catalog');
        }
      }),
    [],
  );
  const show = (id: string) => {
    setSelected(id);
    setView('catalog');
  };
  return (
    <main>
      <h1>Indsatsviden</h1>
      <nav class="tabs" aria-label="Visning">
        <button type="button" aria-pressed={view === 'page'} onClick={() => setView('page')}>
          Denne side
        </button>
        <button type="button" aria-pressed={view === 'catalog'} onClick={() => setView('catalog')}>
          Katalog
        </button>
        <span class="spacer" />
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Indstillinger
        </button>
      </nav>
      {view === 'page' ? <Findings onShow={show} /> : <CatalogBrowser selected={selected} onSelect={setSelected} />}
      <p class="meta">Indhold fra {editionLabel()}.</p>
    </main>
  );
}
