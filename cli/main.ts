// The command line: indsatsviden catalog | detect | analyse | block | eval. Errors are one clear line and a
// non-zero exit; output files are written only when everything succeeded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analysePlan } from '../core/analysis.js';
import {
  blockKinds,
  blockToHtml,
  blockToJson,
  blockToMarkdown,
  blockToText,
  textBlock,
  type BlockKind,
} from '../core/blocks.js';
import { activityType, catalog, editionLabel, evidenceLabel, nearestIds, pageLabel } from '../core/catalog/index.js';
import { detect } from '../core/detect/index.js';
import { renderHtmlReport, renderMarkdownReport, renderTextReport } from '../core/report.js';
import { runEval } from './eval.js';
import { CliError, readPlan, readText } from './input.js';

const HELP = `Indsatsviden – CFBU's Inspirations- og vidensKatalog der, hvor helhedsplaner skrives

Brug:
  indsatsviden catalog [--json]                 Katalogets 40 aktivitetstyper (--json: hele kataloget)
  indsatsviden detect [--json] FIL|-            Find aktivitetstyper i en tekst (UTF-8)
  indsatsviden analyse FIL|- [--format text|json|md|html] [--ignore ID,ID] [-o FIL]
                                                Analyse af en helhedsplan (.docx, .md, .txt, .html)
  indsatsviden block ID [--kind ${blockKinds.join('|')}] [--format text|md|html|json] [-o FIL]
                                                Standardtekstblokke for en aktivitetstype
  indsatsviden eval [MAPPE ...]                 Præcision og genkaldelse på annoterede dokumenter

Intet af det, du skriver, forlader din maskine.`;

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--format', '--kind', '-o', '--output', '--ignore']);
const BOOLEAN_FLAGS = new Set(['--json', '--help', '-h']);

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = /^(--[a-z]+)=(.*)$/.exec(arg);
    if (eq && VALUE_FLAGS.has(eq[1]!)) flags.set(eq[1]!, eq[2]!);
    else if (VALUE_FLAGS.has(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new CliError(`${arg} skal have en værdi`);
      flags.set(arg === '--output' ? '-o' : arg, value);
    } else if (BOOLEAN_FLAGS.has(arg)) flags.set(arg, true);
    else if (arg.startsWith('-') && arg !== '-') throw new CliError(`Ukendt tilvalg: ${arg} (se indsatsviden --help)`);
    else positional.push(arg);
  }
  return { positional, flags };
}

function choice<T extends string>(args: Args, flag: string, allowed: readonly T[], fallback: T): T {
  const value = args.flags.get(flag);
  if (value === undefined) return fallback;
  if (value === true || !allowed.includes(value as T)) {
    throw new CliError(`${flag} skal være en af: ${allowed.join(', ')}`);
  }
  return value as T;
}

function emit(args: Args, output: string): void {
  const file = args.flags.get('-o');
  if (typeof file === 'string') {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, output);
    } catch (e) {
      throw new CliError(`Kan ikke skrive ${file}: ${(e as Error).message}`);
    }
    process.stderr.write(`Skrevet: ${file}\n`);
  } else process.stdout.write(output);
}

function cmdCatalog(args: Args): void {
  if (args.flags.has('--json')) {
    process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
    return;
  }
  const rows = catalog.activityTypes.map((t) => ({
    name: t.name,
    evidence: t.evidence === 'documented' ? '✓ dokumenteret' : '✗ ikke dokumenteret',
    areas: t.focusAreas.map((id) => catalog.focusAreas.find((a) => a.id === id)!.number).join(', '),
    page: pageLabel(t),
  }));
  const w = Math.max(...rows.map((r) => r.name.length));
  const lines = [
    `${editionLabel()}`,
    '',
    `${'Aktivitetstype'.padEnd(w)}  ${'Evidens'.padEnd(20)}  ${'Indsatsområder'.padEnd(14)}  Side`,
    `${'-'.repeat(w)}  ${'-'.repeat(20)}  ${'-'.repeat(14)}  ${'-'.repeat(10)}`,
    ...rows.map((r) => `${r.name.padEnd(w)}  ${r.evidence.padEnd(20)}  ${r.areas.padEnd(14)}  ${r.page}`),
    '',
    'Indsatsområder: ' + catalog.focusAreas.map((a) => `${a.number} = ${a.name}`).join('; '),
    `${catalog.activityTypes.filter((t) => t.evidence === 'documented').length} af ${catalog.activityTypes.length} aktivitetstyper har dokumenteret virkning. "ca." = siden er anslået.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function cmdDetect(args: Args): void {
  const file = args.positional[0];
  if (!file) throw new CliError('Angiv en fil eller - for stdin: indsatsviden detect [--json] FIL|-');
  const text = readText(file);
  const matches = detect(text);
  if (args.flags.has('--json')) {
    process.stdout.write(`${JSON.stringify({ matches })}\n`);
    return;
  }
  if (matches.length === 0) {
    process.stdout.write('Ingen aktivitetstyper fundet.\n');
    return;
  }
  for (const m of matches) {
    const type = activityType(m.id)!;
    const extra = m.candidates ? ` (eller: ${m.candidates.join(', ')})` : '';
    process.stdout.write(
      `${m.start}-${m.end}\t${m.tier === 'name' ? 'navn  ' : 'begreb'}\t${JSON.stringify(m.text)}\t${type.name} – ${evidenceLabel(type.evidence).toLowerCase()}${extra}\n`,
    );
  }
}

async function cmdAnalyse(args: Args): Promise<void> {
  const file = args.positional[0];
  if (!file) throw new CliError('Angiv en fil eller - for stdin: indsatsviden analyse FIL|- [--format text|json|md|html]');
  const format = choice(args, '--format', ['text', 'json', 'md', 'html'] as const, 'text');
  const ignoreFlag = args.flags.get('--ignore');
  const ignore = typeof ignoreFlag === 'string' ? ignoreFlag.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const id of ignore) {
    if (!activityType(id)) throw new CliError(`Ukendt aktivitetstype i --ignore: "${id}". Mente du: ${nearestIds(id).join(', ')}?`);
  }
  const paragraphs = await readPlan(file);
  const analysis = analysePlan(paragraphs, { ignore });
  const title = `Analyse af ${file === '-' ? 'helhedsplan' : file.split(/[\\/]/).pop()}`;
  const output =
    format === 'json'
      ? `${JSON.stringify(analysis, null, 2)}\n`
      : format === 'md'
        ? renderMarkdownReport(analysis, title)
        : format === 'html'
          ? renderHtmlReport(analysis, title)
          : renderTextReport(analysis, title);
  emit(args, output);
}

function cmdBlock(args: Args): void {
  const id = args.positional[0];
  if (!id) throw new CliError(`Angiv en aktivitetstype: indsatsviden block ID [--kind ${blockKinds.join('|')}]`);
  const type = activityType(id);
  if (!type) throw new CliError(`Ukendt aktivitetstype: "${id}". Mente du: ${nearestIds(id).join(', ')}?`);
  const format = choice(args, '--format', ['text', 'md', 'html', 'json'] as const, 'text');
  const kindFlag = args.flags.get('--kind');
  const kinds: BlockKind[] = kindFlag === undefined ? [...blockKinds] : [choice(args, '--kind', blockKinds, 'evidens')];
  const blocks = kinds.map((k) => textBlock(type, k));
  const output =
    format === 'json'
      ? kinds.length === 1
        ? blockToJson(blocks[0]!)
        : `${JSON.stringify(blocks, null, 2)}\n`
      : blocks.map(format === 'md' ? blockToMarkdown : format === 'html' ? blockToHtml : blockToText).join('\n');
  emit(args, output);
}

export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return command ? 0 : 2;
    }
    const args = parseArgs(rest);
    if (args.flags.has('--help') || args.flags.has('-h')) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    switch (command) {
      case 'catalog':
      case 'katalog':
        cmdCatalog(args);
        return 0;
      case 'detect':
        cmdDetect(args);
        return 0;
      case 'analyse':
      case 'analyze':
        await cmdAnalyse(args);
        return 0;
      case 'block':
        cmdBlock(args);
        return 0;
      case 'eval':
        return runEval(args.positional);
      default:
        throw new CliError(`Ukendt kommando: ${command} (se indsatsviden --help)`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`indsatsviden: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`indsatsviden: uventet fejl: ${(e as Error).message}\n`);
    return 1;
  }
}
