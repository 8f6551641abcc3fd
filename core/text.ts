// Small text helpers shared by the blocks, the reports and the surfaces.

// Danish abbreviations that end in a period without ending the sentence.
const ABBREVIATIONS = /(?:^|[\s(])(?:fx|f\.eks|bl\.a|el|ca|jf|mht|mv|m\.v|m\.m|dvs|osv|evt|inkl|ekskl|nr|pga|ifbm|vedr|etc|al|s|kap|ang|hhv|iht|tlf|mio|mia|kr|ift|o\.l|m\.fl|[a-zæøå])\.$/i;

/** Splits text into sentences, keeping abbreviations ("fx.", "bl.a.", "et al.") inside their sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const flat = text.replace(/\s+/g, ' ').trim();
  let start = 0;
  const re = /[.!?](?:["»”)]*)(?=\s+["»“(]?[A-ZÆØÅ0-9])/g;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const end = m.index + m[0].length;
    const candidate = flat.slice(start, end);
    if (ABBREVIATIONS.test(candidate.slice(0, m.index - start + 1))) continue;
    sentences.push(candidate.trim());
    start = end;
  }
  const rest = flat.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** The first sentences of `text`, up to about `maxChars` (at least one sentence). */
export function leadSentences(text: string, maxChars: number): string {
  const out: string[] = [];
  let length = 0;
  for (const s of splitSentences(text)) {
    if (out.length > 0 && length + s.length > maxChars) break;
    out.push(s);
    length += s.length + 1;
  }
  return out.join(' ');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
