// @vitest-environment happy-dom
// The card's content comes from the catalogue, verbatim, with the page and the edition; its buttons insert blocks.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { catalog, editionLabel, pageLabel, blockKinds } from '../../core/index.js';
import { Card } from '../../extension/components/Card.js';
import { blockText, cardContent } from '../../extension/lib/card-content.js';

describe('card content', () => {
  it('takes everything from the catalogue', () => {
    for (const type of catalog.activityTypes) {
      const c = cardContent(type.id)!;
      expect(c.name).toBe(type.name);
      expect(c.pageLabel).toBe(pageLabel(type));
      expect(c.edition).toBe(editionLabel());
      expect(c.prerequisites).toEqual(type.prerequisites);
      expect(c.focusAreas).toHaveLength(type.focusAreas.length);
      // The summary is the description's first sentences, verbatim (whitespace aside).
      expect(type.sections.description.text.replace(/\s+/g, ' ')).toContain(c.summary.split(' ').slice(0, 6).join(' '));
      expect(c.evidenceLabel).toBe(type.evidence === 'documented' ? 'Dokumenteret virkning' : 'Ikke dokumenteret virkning');
    }
    expect(cardContent('findes-ikke')).toBeUndefined();
  });

  it('renders a dialog body with a non-colour evidence cue and one button per block', () => {
    const type = catalog.activityTypes.find((t) => t.evidence === 'not-documented')!;
    const root = document.createElement('div');
    const onInsert = vi.fn();
    render(<Card id={type.id} tier="name" matched={type.name} onInsert={onInsert} onDetails={() => {}} onClose={() => {}} />, root);
    expect(root.querySelector('#iv-card-title')!.textContent).toBe(type.name);
    expect(root.querySelector('.badge')!.textContent).toContain('!');
    expect(root.textContent).toContain(pageLabel(type));
    const buttons = root.querySelectorAll<HTMLButtonElement>('button[data-kind]');
    expect(buttons).toHaveLength(blockKinds.length);
    buttons[1]!.click();
    expect(onInsert).toHaveBeenCalledWith(blockKinds[1]);
  });

  it('gives the text of a block that cites the catalogue', () => {
    const type = catalog.activityTypes[0]!;
    const text = blockText(type.id, 'evidens');
    expect(text).toContain(type.name);
    expect(text).toContain(pageLabel(type));
  });
});
