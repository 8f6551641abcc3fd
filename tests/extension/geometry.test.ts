// Offset-to-rect mapping: rects measured in the mirror move into the field, follow its scroll and are clipped to
// its visible box; and the plain-text helpers of insertion and re-detection.
import { describe, expect, it } from 'vitest';
import { clipBox, contains, mirrorToViewport } from '../../extension/lib/geometry.js';
import { afterSentence, framed } from '../../extension/lib/insert.js';
import { diff } from '../../extension/lib/tracker.js';
import { matchesPattern, sitePattern } from '../../extension/lib/sites.js';

describe('offset-to-rect mapping', () => {
  it('moves mirror rects into the field and subtracts its scroll offset', () => {
    const rects = [{ left: -99_900, top: 40, width: 50, height: 18 }];
    const out = mirrorToViewport(rects, { left: -100_000, top: 10 }, { left: 200, top: 300, scrollLeft: 5, scrollTop: 12 });
    expect(out).toEqual([{ left: 295, top: 318, width: 50, height: 18 }]);
  });

  it('clips to the visible box and drops what is scrolled out', () => {
    const clip = { left: 0, top: 0, width: 100, height: 50 };
    expect(clipBox({ left: 90, top: 10, width: 30, height: 10 }, clip)).toEqual({ left: 90, top: 10, width: 10, height: 10 });
    expect(clipBox({ left: 10, top: 60, width: 30, height: 10 }, clip)).toBeUndefined();
    expect(contains({ left: 10, top: 10, width: 5, height: 5 }, 15.5, 12, 1)).toBe(true);
    expect(contains({ left: 10, top: 10, width: 5, height: 5 }, 17, 12, 1)).toBe(false);
  });
});

describe('insertion helpers', () => {
  it('finds the end of the sentence with the match', () => {
    const t = 'Vi laver lektiecafé for børn. Det er godt.';
    expect(afterSentence(t, t.indexOf('lektiecafé') + 10)).toBe(t.indexOf('.') + 1);
    expect(afterSentence('Ingen punktum', 3)).toBe('Ingen punktum'.length);
    expect(afterSentence('Linje et\nLinje to', 2)).toBe(8);
  });

  it('frames a block as its own paragraphs, or flattens it for a one-line input', () => {
    expect(framed('Ab. Cd.', 3, 'X\n\nY\n', false)).toBe('\n\nX\n\nY\n\n');
    expect(framed('Ab.', 3, 'X\n\nY\n', false)).toBe('\n\nX\n\nY');
    expect(framed('Ab.\n', 4, 'X\n', false)).toBe('\nX');
    expect(framed('Ab. Cd', 3, 'X\n\nY\n', true)).toBe(' X Y');
  });
});

describe('incremental detection input', () => {
  it('finds the single replaced range between two texts', () => {
    expect(diff('abcdef', 'abXYdef')).toEqual({ start: 2, end: 3, insert: 'XY' });
    expect(diff('abc', 'abc')).toEqual({ start: 3, end: 3, insert: '' });
    expect(diff('aaa', 'aaaa')).toEqual({ start: 3, end: 3, insert: 'a' });
  });
});

describe('site patterns', () => {
  it('matches the preset and chosen sites', () => {
    expect(matchesPattern('https://driftsstoette.lbf.dk/*', 'https://driftsstoette.lbf.dk/ansoegning?id=3')).toBe(true);
    expect(matchesPattern('https://driftsstoette.lbf.dk/*', 'https://evil.dk/driftsstoette.lbf.dk/')).toBe(false);
    expect(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.1:4321/plain.html')).toBe(true);
    expect(matchesPattern('https://*.example.org/*', 'https://a.example.org/x')).toBe(true);
    expect(matchesPattern('<all_urls>', 'https://x.dk/')).toBe(true);
    expect(sitePattern('https://x.dk:8443/a/b')).toBe('https://x.dk/*');
  });
});
