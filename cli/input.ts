// Reads a plan from a file or stdin into paragraphs (with headings where the format has them).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { toParagraphs, type Paragraph } from '../core/analysis.js';
import { htmlToParagraphs } from './html.js';

export class CliError extends Error {}

export const supportedExtensions = ['.docx', '.md', '.markdown', '.txt', '.text', '.html', '.htm'];

export function readText(file: string): string {
  if (file === '-') return readStdin();
  try {
    return decodeUtf8(readFileSync(file), file);
  } catch (e) {
    throw fileError(e, file);
  }
}

function readStdin(): string {
  try {
    return decodeUtf8(readFileSync(0), 'standard input');
  } catch (e) {
    if (e instanceof CliError) throw e;
    return '';
  }
}

function decodeUtf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CliError(`${name} er ikke gyldig UTF-8-tekst`);
  }
}

function fileError(e: unknown, file: string): Error {
  if (e instanceof CliError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError(`Filen findes ikke: ${file}`);
  if (code === 'EISDIR') return new CliError(`${file} er en mappe, ikke en fil`);
  if (code === 'EACCES') return new CliError(`Ingen adgang til at læse ${file}`);
  return new CliError(`Kan ikke læse ${file}: ${(e as Error).message}`);
}

export async function readPlan(file: string): Promise<Paragraph[]> {
  const ext = file === '-' ? '.txt' : extname(file).toLowerCase();
  if (!supportedExtensions.includes(ext)) {
    throw new CliError(`Filtypen "${ext || '(ingen)'}" understøttes ikke; brug .docx, .md, .txt eller .html (eller - for stdin)`);
  }
  let paragraphs: Paragraph[];
  if (ext === '.docx') {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw fileError(e, file);
    }
    paragraphs = await docxToParagraphs(bytes, file);
  } else {
    const text = readText(file);
    if (ext === '.html' || ext === '.htm') paragraphs = htmlToParagraphs(text);
    else paragraphs = toParagraphs(text, { markdown: ext === '.md' || ext === '.markdown' });
  }
  if (!paragraphs.some((p) => p.text.trim() !== '')) {
    throw new CliError(`${file === '-' ? 'Input fra stdin' : file} er tomt: der er ingen tekst at analysere`);
  }
  return paragraphs;
}

async function docxToParagraphs(bytes: Buffer, file: string): Promise<Paragraph[]> {
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes });
    return htmlToParagraphs(result.value);
  } catch {
    throw new CliError(`${file} kan ikke læses som et Word-dokument (.docx): filen er beskadiget eller ikke en .docx`);
  }
}
