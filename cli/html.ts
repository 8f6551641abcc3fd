// A small HTML-to-paragraphs reader for .html input and mammoth's .docx output: block elements become
// paragraphs, h1–h6 headings; scripts and styles are dropped; entities are decoded. No DOM needed.
import type { Paragraph } from '../core/analysis.js';

const BLOCK = new Set(['p', 'div', 'li', 'td', 'th', 'blockquote', 'pre', 'section', 'article', 'tr', 'dt', 'dd', 'figcaption', 'caption', 'title']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', aelig: 'æ', oslash: 'ø', aring: 'å', AElig: 'Æ', Oslash: 'Ø', Aring: 'Å', eacute: 'é', ndash: '–', mdash: '—', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', bdquo: '„', lsquo: '‘', rsquo: '’', hellip: '…' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? all;
  });
}

export function htmlToParagraphs(html: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let buffer = '';
  let heading: number | undefined;
  const flush = () => {
    const text = decodeEntities(buffer).replace(/[ \t\r\n]+/g, ' ').trim();
    if (text) paragraphs.push(heading ? { text, heading: true, level: heading } : { text });
    buffer = '';
    heading = undefined;
  };
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '');
  const re = /<\/?([a-z][a-z0-9]*)\b[^>]*>/gi;
  let last = 0;
  for (let m = re.exec(cleaned); m; m = re.exec(cleaned)) {
    buffer += cleaned.slice(last, m.index);
    last = m.index + m[0].length;
    const tag = m[1]!.toLowerCase();
    const closing = m[0][1] === '/';
    const h = /^h([1-6])$/.exec(tag);
    if (h) {
      flush();
      if (!closing) heading = Number(h[1]);
    } else if (tag === 'br') buffer += ' ';
    else if (BLOCK.has(tag) || tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'body') flush();
  }
  buffer += cleaned.slice(last);
  flush();
  return paragraphs;
}
