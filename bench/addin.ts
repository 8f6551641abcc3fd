// Benchmark: scanning a 300-page plan through the Word add-in's Office.js adapter (office-addin-mock model of
// Word): syncs per scan, time to read, time to detect (cold, chunked), longest stretch between yields to the UI,
// and a rescan after one edited paragraph. Run: npx tsx bench/addin.ts
import { OfficeWordDocument } from '../office-addin/src/word/office-document.js';
import { Scanner } from '../office-addin/src/scan/scanner.js';
import { createMockWord, type MockParagraphInit } from '../office-addin/testing/mock-word.js';
import { planParagraphs } from '../tests/office-addin/fixtures/plan.js';

const PAGES = 300;
const PARAGRAPHS_PER_PAGE = 9; // about 3,000 characters of Danish prose per page

function plan(): MockParagraphInit[] {
  const out: MockParagraphInit[] = [];
  const filler =
    'Indsatsen tilrettelægges i tæt samarbejde med kommunen, skolerne og de lokale foreninger, og beboerne inddrages i planlægningen gennem afdelingsbestyrelserne og de åbne beboermøder, hvor erfaringerne fra det forløbne år drøftes.';
  for (let page = 0; page < PAGES; page++) {
    for (let i = 0; i < PARAGRAPHS_PER_PAGE; i++) {
      const source = planParagraphs[(page * PARAGRAPHS_PER_PAGE + i) % planParagraphs.length]!;
      if (source.heading) out.push({ text: `${source.text} (side ${page + 1})`, styleBuiltIn: `Heading${source.level ?? 1}`, outlineLevel: source.level ?? 1 });
      else out.push({ text: `${source.text} ${filler} (side ${page + 1}, afsnit ${i + 1})` });
    }
  }
  return out;
}

const paragraphs = plan();
const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
const mock = createMockWord(paragraphs);
const doc = new OfficeWordDocument(mock.Word, mock.Office);
let last = performance.now();
let longest = 0;
const scanner = new Scanner(doc, {
  yieldToUi: async () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    await new Promise((r) => setTimeout(r, 0));
    last = performance.now();
  },
});

last = performance.now();
const cold = await scanner.scan([]);
longest = Math.max(longest, performance.now() - last);
const coldSyncs = mock.log.syncs;
const coldLongest = longest;

mock.paragraphs[1234]!.text = 'Vi tilføjer tryghedsvandringer og lommepengeprojekter.';
longest = 0;
const syncsBefore = mock.log.syncs;
last = performance.now();
const warm = await scanner.scan([]);
longest = Math.max(longest, performance.now() - last);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`Word-tilføjelsesprogram: scanning af ${PAGES} sider (${paragraphs.length} afsnit, ${(chars / 1e6).toFixed(2)} mio. tegn)`);
console.log(`  første scanning: ${coldSyncs} sync, læsning ${fmt(cold.readMs)}, detektion ${fmt(cold.detectMs)} i ${cold.chunks} bidder, længste stykke uden pause ${fmt(coldLongest)}`);
console.log(`  efter én ændring: ${mock.log.syncs - syncsBefore} sync, ${warm.detected} afsnit detekteret igen, læsning ${fmt(warm.readMs)}, detektion+analyse ${fmt(warm.detectMs)}, længste stykke uden pause ${fmt(longest)}`);
console.log(`  fund: ${warm.analysis.findings.length} (navngivne ${warm.analysis.counts.name}, begrebsniveau ${warm.analysis.counts.concept}), ${warm.analysis.counts.mentions} forekomster`);
