import { describe, expect, it } from 'vitest';
import { emulateWordSearch, escapeForWordSearch, planSearch, SEARCH_LIMIT } from '../../office-addin/src/word/search-plan.js';

// Finds the plan's range the way the adapter does: head occurrence, expanded to the tail occurrence.
function resolve(text: string, start: number, end: number) {
  const plan = planSearch(text, start, end)!;
  const head = emulateWordSearch(text, plan.head.needle)[plan.head.occurrence]!;
  const tail = plan.tail ? emulateWordSearch(text, plan.tail.needle)[plan.tail.occurrence]! : head;
  return { start: head.start, end: tail.end, plan };
}

describe('go-to search plan', () => {
  it('picks the n-th occurrence of a repeated word', () => {
    const text = 'Lektiecafe i klubben. Endnu en lektiecafe, og en tredje lektiecafe om lørdagen.';
    const third = text.lastIndexOf('lektiecafe');
    const second = text.indexOf('lektiecafe');
    expect(resolve(text, third, third + 10)).toMatchObject({ start: third, end: third + 10 });
    expect(resolve(text, second, second + 10).plan.head.occurrence).toBe(0);
    expect(resolve(text, third, third + 10).plan.head.occurrence).toBe(1);
  });

  it('escapes Word’s special character ^', () => {
    const text = 'Budget ^2 for bydelsmødre ^2 igen';
    const at = text.lastIndexOf('bydelsmødre ^2');
    const plan = planSearch(text, at, at + 14)!;
    expect(plan.head.needle).toBe(escapeForWordSearch('bydelsmødre ^2'));
    expect(plan.head.needle).toContain('^^');
    expect(resolve(text, at, at + 14)).toMatchObject({ start: at, end: at + 14 });
  });

  it('finds a match longer than the 255-character limit with a head and a tail', () => {
    const filler = 'ord '.repeat(90);
    const long = `mentorindsats ${filler}med frivillige`;
    const text = `Indledning. ${long} og igen ${long}.`;
    const at = text.lastIndexOf(long);
    expect(long.length).toBeGreaterThan(SEARCH_LIMIT);
    const { start, end, plan } = resolve(text, at, at + long.length);
    expect([start, end]).toEqual([at, at + long.length]);
    expect(plan.tail).toBeDefined();
    expect(plan.head.needle.length).toBeLessThanOrEqual(SEARCH_LIMIT);
    expect(plan.tail!.needle.length).toBeLessThanOrEqual(SEARCH_LIMIT);
  });

  it('splits around control characters (tab, soft line break) that a plain search cannot match', () => {
    const text = 'Se også fremskudt\vsundhedspleje og fremskudt\vsundhedspleje.';
    const at = text.lastIndexOf('fremskudt');
    const { start, end, plan } = resolve(text, at, at + 'fremskudt\vsundhedspleje'.length);
    expect(plan.head.raw).toBe('fremskudt');
    expect(plan.tail?.raw).toBe('sundhedspleje');
    expect([start, end]).toEqual([at, at + 23]);
  });

  it('refuses offsets outside the paragraph', () => {
    expect(planSearch('kort', 2, 10)).toBeNull();
    expect(() => emulateWordSearch('x', 'a'.repeat(256))).toThrow();
  });
});
