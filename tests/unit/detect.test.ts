import { describe, expect, it } from 'vitest';
import { catalog } from '../../core/catalog/index.js';
import { catalogDetector, createDetector, detect, IncrementalText, normalize, redetect, type Match } from '../../core/detect/index.js';

const found = (text: string) => detect(text).map((m) => [m.text, m.id, m.tier] as const);
const ids = (text: string) => detect(text).map((m) => m.id);

function expectExactOffsets(text: string, matches: Match[]) {
  for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
}

describe('detector: names and inflection', () => {
  it('finds official names in any case, in headings and bullets', () => {
    expect(found('TRYGHEDSVANDRINGER\n- Lektiecaféer\n• Bydelsmødre i Vollsmose')).toEqual([
      ['TRYGHEDSVANDRINGER', 'tryghedsvandringer', 'name'],
      ['Lektiecaféer', 'lektiecafeer', 'name'],
      ['Bydelsmødre', 'bydelsmoedre', 'name'],
    ]);
  });

  it('takes definite, plural and genitive forms with the inflection inside the span', () => {
    const text = 'En bydelsmor, flere bydelsmødre, bydelsmødrene og bydelsmødrenes netværk.';
    expect(found(text).map(([t]) => t)).toEqual(['bydelsmor', 'bydelsmødre', 'bydelsmødrene', 'bydelsmødrenes']);
    expect(found('lektiecafé, lektiecaféen, lektiecaféer, lektiecafeer').map(([t, id]) => [t, id])).toEqual([
      ['lektiecafé', 'lektiecafeer'],
      ['lektiecaféen', 'lektiecafeer'],
      ['lektiecaféer', 'lektiecafeer'],
      ['lektiecafeer', 'lektiecafeer'],
    ]);
  });

  it('finds role nouns and leaves articles outside the span', () => {
    expect(found('Naboambassadøren ringer, og den sociale vicevært følger op med brandkadetterne.')).toEqual([
      ['Naboambassadøren', 'naboambassadoerer', 'name'],
      ['sociale vicevært', 'sociale-vicevaerter', 'name'],
      ['brandkadetterne', 'brandkadetter', 'name'],
    ]);
  });

  it('finds compounds built on a name, hyphenated ones included', () => {
    expect(found('Lommepengejobbet og de lektiecafé-frivillige')).toEqual([
      ['Lommepengejobbet', 'lommepengeprojekter', 'name'],
      ['lektiecafé-frivillige', 'lektiecafeer', 'name'],
    ]);
  });

  it('reads a coordinated-compound ellipsis as one or two mentions', () => {
    expect(found('Vi etablerer et børne- og ungeråd.')).toEqual([['børne- og ungeråd', 'boerne-og-ungeraad', 'name']]);
    expect(found('Lommepenge- og fritidsjobprojekter')).toEqual([
      ['Lommepenge-', 'lommepengeprojekter', 'name'],
      ['fritidsjobprojekter', 'fritidsjobprojekter', 'name'],
    ]);
  });

  it('reads an ellipsis anywhere in the text, not only at its start', () => {
    const text = 'Vi fortsætter både lommepenge- og fritidsjobprojekter. Desuden lektie-, lommepenge- og fritidsjob.';
    const matches = detect(text);
    expectExactOffsets(text, matches);
    expect(matches.slice(0, 2).map((m) => [m.text, m.id])).toEqual([
      ['lommepenge-', 'lommepengeprojekter'],
      ['fritidsjobprojekter', 'fritidsjobprojekter'],
    ]);
    // The same sentence many times over: every occurrence alike, every span a real range of the text.
    const sentence = 'Vi har et børne- og ungeråd og lommepenge- og fritidsjobprojekter. ';
    const repeated = detect(sentence.repeat(50));
    expectExactOffsets(sentence.repeat(50), repeated);
    expect(repeated.every((m) => m.end > m.start)).toBe(true);
    expect(repeated).toHaveLength(50 * detect(sentence).length);
  });

  it('finds names with gaps in their wording', () => {
    expect(found('Praktikpladser i forbindelse med renoveringen af blok 4')).toEqual([
      ['Praktikpladser i forbindelse med renoveringen', 'praktik-ifbm-bygge-og-renoveringsprojekter', 'name'],
    ]);
  });
});

describe('detector: text as editors deliver it', () => {
  it('joins a word broken over a line and keeps the break inside the span', () => {
    const text = 'Vi driver lektie-\ncaféer hver uge.';
    const [m] = detect(text);
    expect(m).toMatchObject({ id: 'lektiecafeer', text: 'lektie-\ncaféer', start: 10 });
  });

  it('keeps a line-broken ellipsis as two conjuncts', () => {
    expect(ids('Lommepenge-\nog fritidsjobprojekter')).toEqual(['lommepengeprojekter', 'fritidsjobprojekter']);
  });

  it('handles soft hyphens, no-break spaces, "&" and é written as e', () => {
    const text = 'Bydels\u00admødre, sociale\u00a0viceværter, Konflikthåndtering & mægling og lektiecafeen.';
    const matches = detect(text);
    expectExactOffsets(text, matches);
    expect(matches.map((m) => m.text)).toEqual([
      'Bydels\u00admødre',
      'sociale\u00a0viceværter',
      'Konflikthåndtering & mægling',
      'lektiecafeen',
    ]);
  });

  it('never shifts offsets after an emoji, a soft hyphen or a CRLF', () => {
    const text = '🙂 Hej\r\n\u00adTak 👍\r\nVi starter tryghedsvandringer og en lektiecafé.\r\n';
    const matches = detect(text);
    expectExactOffsets(text, matches);
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [text.indexOf('tryghedsvandringer'), text.indexOf('tryghedsvandringer') + 18],
      [text.indexOf('lektiecafé'), text.indexOf('lektiecafé') + 10],
    ]);
  });

  it('leaves typographic quotes outside the span', () => {
    expect(found('Projektet »Lektiecaféen« og „Bydelsmødre“')).toEqual([
      ['Lektiecaféen', 'lektiecafeer', 'name'],
      ['Bydelsmødre', 'bydelsmoedre', 'name'],
    ]);
  });

  it('reads letters of other scripts as letters and emoji as punctuation', () => {
    const text = 'Łukasz er bydelsmor; „lektiecaféen“ 🎉kører, men Ślęzakbydelsmødre er ét ord.';
    const matches = detect(text);
    expectExactOffsets(text, matches);
    expect(matches.map((m) => [m.text, m.id])).toEqual([
      ['bydelsmor', 'bydelsmoedre'],
      ['lektiecaféen', 'lektiecafeer'],
    ]);
  });

  it('reads clipped abbreviations of names, and not a sentence-final word', () => {
    // Clipped only where the sentence goes on: "til sommer. Vi …" is no clipped "sommerfest".
    const text = 'Status:\n• Bydelsm.: 14 aktive\n• Fremsk. sundhedspl. og mødregr. (arabisk)\n• Inddragende netværksm. i maj\n' +
      'Vi holdt møde med alle forældre. Det gælder hele familie. Vi ses til sommer. Tryghedsvandringen blev holdt.';
    const matches = detect(text);
    expectExactOffsets(text, matches);
    expect(matches.map((m) => [m.text, m.id, m.tier])).toEqual([
      ['Bydelsm.', 'bydelsmoedre', 'name'],
      ['Fremsk. sundhedspl.', 'fremskudt-sundhedspleje-og-moedregrupper', 'name'],
      ['mødregr.', 'fremskudt-sundhedspleje-og-moedregrupper', 'name'],
      ['Inddragende netværksm.', 'inddragende-netvaerksmoeder', 'name'],
      ['Tryghedsvandringen', 'tryghedsvandringer', 'name'],
    ]);
  });

  it('never lets a gap reach past another occurrence of the same word', () => {
    // "skolens … lektiecafé" excludes the school's café, not the plan's one named right after it.
    const text = 'Forældrene vejledes om både skolens egen lektiecafé og lektiecaféen i beboerhuset.';
    expect(detect(text).map((m) => [m.text, m.id])).toEqual([['lektiecaféen', 'lektiecafeer']]);
  });

  it('takes a capitalised word inside a sentence as a name (^ in a pattern)', () => {
    const text = 'Vi mødes i klubben. Klubben har åbent. Sted: Klubben, Toftevej 3. Mødet var ved Klubben.\nKlubbens leder';
    const matches = detect(text).filter((m) => m.id === 'bemandede-klubber-og-vaeresteder');
    expect(matches.map((m) => [m.start, m.text])).toEqual([
      [11, 'klubben'],
      [20, 'Klubben'],
      [text.indexOf('Klubbens'), 'Klubbens'],
    ]);
    expect(() => createDetector([{ id: 'z', detection: { terms: ['den ^klub'] } }])).toThrow(/z: detection: .*\^ kan kun stå foran/);
  });

  it('maps normalised offsets back exactly', () => {
    const n = normalize('A\u00adB & C-\nD');
    expect(n.text).toBe('ab og cd');
    expect(n.toSource(1)).toBe(2);
    expect(n.toSourceEnd(8)).toBe('A\u00adB & C-\nD'.length);
    expect(n.toSource(3)).toBe(4);
    expect(n.toSourceEnd(5)).toBe(5);
  });
});

describe('detector: concepts and what it must not find', () => {
  it('marks paraphrases as concept, never as name', () => {
    expect(found('Vi holder fællesspisning og gårdfester i sommerhalvåret.')).toEqual([
      ['fællesspisning', 'aktiviteter-til-styrkelse-af-naboskab-og-social-sammenhaengskraft', 'concept'],
      ['gårdfester', 'aktiviteter-til-styrkelse-af-naboskab-og-social-sammenhaengskraft', 'concept'],
    ]);
  });

  it('does not find generic senses and other institutions', () => {
    for (const text of [
      'Naboskabet i området er svagt.',
      'Skolens lektiecafé er åben om tirsdagen.',
      'Kommunens ungeråd mødes i rådhuset.',
      'Ungdommens Uddannelsesvejledning (UU) er partner.',
      'Ejendomsmægleren har solgt huset.',
      'Hun fik et fritidsjob i Netto.',
      'Drengene får lommepenge af forældrene.',
      'Vejledningen fra ministeriet er klar.',
      'Fædrene deltager sjældent.',
    ]) {
      expect(detect(text), text).toEqual([]);
    }
  });

  it('counts a bare fritidsjob only in a list of activities', () => {
    expect(ids('gennem lektiecafé, lommepengejob og fritidsjob')).toEqual([
      'lektiecafeer',
      'lommepengeprojekter',
      'fritidsjobprojekter',
    ]);
  });

  it('decides værested by context, and lists candidates when it cannot', () => {
    expect(detect('Værestedet for de 13-17-årige unge holder åbent om aftenen.')[0]).toMatchObject({
      id: 'bemandede-klubber-og-vaeresteder',
    });
    expect(detect('Værestedet er et tilbud til beboere med misbrug og psykisk sårbarhed.')[0]).toMatchObject({
      id: 'vaerested-for-udsatte-beboere',
    });
    const ambiguous = detect('Værested')[0]!;
    expect(ambiguous.candidates).toHaveLength(1);
    expect([ambiguous.id, ...ambiguous.candidates!].sort()).toEqual(['bemandede-klubber-og-vaeresteder', 'vaerested-for-udsatte-beboere']);
  });
});

describe('detector: rules from data', () => {
  it('follows rules given as data, with exclusions and gaps', () => {
    const d = createDetector([
      { id: 'a', detection: { terms: ['grøn vandring', 'have … fest'], exclude: ['privat havefest'] } },
      { id: 'b', detection: { terms: ['*klub='], concepts: [{ cue: 'boldspil' }] } },
    ]);
    expect(d.detect('En grønne vandringer, en havefest og en stor have med fest.').map((m) => m.text)).toEqual([
      'grønne vandringer',
      'have med fest',
    ]);
    expect(d.detect('Privat havefest').map((m) => m.text)).toEqual([]);
    expect(d.detect('pigeklub, pigeklubben, boldspil').map((m) => [m.text, m.tier])).toEqual([
      ['pigeklub', 'name'],
      ['boldspil', 'concept'],
    ]);
  });

  it('reports a malformed rule with its type', () => {
    expect(() => createDetector([{ id: 'x', detection: { terms: ['… galt'] } }])).toThrow(/x: detection: .*kan ikke begynde/);
    // The detector reads Latin-1; a pattern it could never find is an error, not a silent miss.
    expect(() => createDetector([{ id: 'y', detection: { terms: ['łódź'] } }])).toThrow(/y: detection: .*"ł" ligger uden for Latin-1/);
  });
});

describe('incremental re-detection', () => {
  it('re-detects only the edited paragraph and matches a full scan', () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) =>
      i % 3 === 0 ? `Afsnit ${i}: lektiecaféen og tryghedsvandringer.` : `Afsnit ${i}: bydelsmødrene mødes.`,
    );
    const text = paragraphs.join('\n\n');
    const detector = catalogDetector();
    const first = { text, matches: detector.detect(text) };
    const at = text.indexOf('Afsnit 25: ') + 'Afsnit 25: '.length;
    const next = redetect(detector, first, { start: at, end: at, insert: 'sociale viceværter og ' });
    expect(next.text.slice(at, at + 22)).toBe('sociale viceværter og ');
    expect(next.matches).toEqual(detector.detect(next.text));
    const removed = redetect(detector, next, { start: at, end: at + 22, insert: '' });
    expect(removed.matches).toEqual(first.matches);
  });
});

describe('IncrementalText', () => {
  const detector = catalogDetector();
  const paragraphs = Array.from({ length: 40 }, (_, i) =>
    i % 4 === 0 ? `Afsnit ${i}: lektiecaféen og tryghedsvandringer.` : i % 4 === 1 ? 'Værestedet for udsatte voksne.' : `Afsnit ${i}: bydelsmødrene mødes.`,
  );

  it('re-detects only the touched paragraph and equals a full scan after each edit', () => {
    const doc = new IncrementalText(detector, paragraphs.join('\n\n'));
    expect(doc.matches()).toEqual(detector.detect(doc.text));
    const edits = [
      { find: 'Afsnit 21: ', insert: 'sociale viceværter og ' },
      { find: 'Afsnit 8: ', insert: 'Lommepenge- og fritidsjobprojekter, ' },
      { find: 'Afsnit 0: ', insert: 'lektie-\ncaféen og ' },
    ];
    for (const e of edits) {
      const at = doc.text.indexOf(e.find) + e.find.length;
      expect(doc.edit({ start: at, end: at, insert: e.insert })).toBe(1);
      expect(doc.matches()).toEqual(detector.detect(doc.text));
    }
  });

  it('handles edits that split, join and delete paragraphs', () => {
    const doc = new IncrementalText(detector, paragraphs.slice(0, 12).join('\n\n'));
    const join = doc.text.indexOf('\n\n', 100);
    doc.edit({ start: join, end: join + 2, insert: ' ' });
    expect(doc.paragraphCount).toBe(11);
    expect(doc.matches()).toEqual(detector.detect(doc.text));
    const at = doc.text.indexOf('bydelsmødrene');
    doc.edit({ start: at, end: at, insert: 'naboambassadører.\n\nNyt afsnit om ' });
    expect(doc.paragraphCount).toBe(12);
    expect(doc.matches()).toEqual(detector.detect(doc.text));
    doc.edit({ start: 0, end: doc.text.length, insert: '' });
    expect(doc.matches()).toEqual([]);
    expect(doc.text).toBe('');
  });
});

describe('mentions in the catalogue’s own prose', () => {
  it('finds every official name at the name tier', () => {
    for (const t of catalog.activityTypes) {
      const m = detect(t.name);
      expect(m.some((x) => x.tier === 'name' && (x.id === t.id || x.candidates?.includes(t.id))), t.name).toBe(true);
    }
  });

  it('finds the name variants the catalogue uses', () => {
    // Variants the source uses generically as well, so they are not detection terms (see the files' detection rules).
    const generic = new Set(['koordinerende netværksmøder', 'praktikpladsindsatser', 'beboerambassadør']);
    for (const t of catalog.activityTypes) {
      for (const v of t.variants.filter((x) => !generic.has(x))) {
        expect(detect(v).some((x) => x.id === t.id || x.candidates?.includes(t.id)), `${t.id}: ${v}`).toBe(true);
      }
    }
  });

  it('finds each type named in its own description', () => {
    let found = 0;
    for (const t of catalog.activityTypes) {
      if (detect(t.sections.description.text).some((m) => m.id === t.id)) found++;
    }
    expect(found).toBe(40);
  });
});
