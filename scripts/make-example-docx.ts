// Writes examples/helhedsplan-eksempel.docx from the Markdown example, with real Word heading styles, so the
// .docx and .md versions of the example plan say the same. Run: npm run example:docx
import { readFileSync, writeFileSync } from 'node:fs';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { toParagraphs } from '../core/analysis.js';

const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const source = readFileSync('examples/helhedsplan-eksempel.md', 'utf8');
const children = toParagraphs(source, { markdown: true }).map((p) =>
  p.heading
    ? new Paragraph({ text: p.text, heading: levels[Math.min(3, (p.level ?? 1) - 1)] })
    : new Paragraph({ children: [new TextRun(p.text.replace(/\s*\n\s*/g, ' '))] }),
);
const doc = new Document({
  creator: 'Indsatsviden',
  title: 'Boligsocial helhedsplan for Lindegården 2026–2030 (eksempel)',
  sections: [{ children }],
});
writeFileSync('examples/helhedsplan-eksempel.docx', await Packer.toBuffer(doc));
console.log('Skrevet: examples/helhedsplan-eksempel.docx');
