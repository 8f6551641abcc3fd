// Standard text blocks for an activity type, built only from the catalogue's own content and citing it.
// Each block is a structured list of nodes that renders to plain text, Markdown and escaped HTML, and that the
// Word add-in turns into Word paragraphs. Guidance is the catalogue's wording, verbatim; placeholders are marked.
import { catalog as bundled, citation } from './catalog/index.js';
import { escapeHtml, splitSentences } from './text.js';
import type { ActivityType, Catalog, Section } from './types.js';

export const blockKinds = ['evidens', 'forudsaetninger', 'beskrivelse', 'anbefalinger'] as const;
export type BlockKind = (typeof blockKinds)[number];

export const blockKindTitles: Record<BlockKind, string> = {
  evidens: 'Evidensgrundlag',
  forudsaetninger: 'Grundforudsætninger',
  beskrivelse: 'Aktivitetsbeskrivelse',
  anbefalinger: 'Anbefalinger',
};

/** Bumped when the shape of the blocks changes, so inserted blocks can be told apart from newer ones. */
export const BLOCK_TEMPLATE_VERSION = 1;

export type BlockNode =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; role?: 'guidance' | 'citation' }
  | { type: 'list'; items: string[]; checklist?: boolean; role?: 'guidance' }
  | { type: 'placeholder'; text: string };

export interface TextBlock {
  /** Stable id: "<activity id>/<kind>". */
  id: string;
  activityId: string;
  kind: BlockKind;
  /** "<edition id>#<template version>": recognises inserted text later. */
  version: string;
  title: string;
  citation: string;
  nodes: BlockNode[];
}

export class UnknownBlockKindError extends Error {}

const RECOMMENDATION = /\b(bør|skal|vigtig|anbefal|afgørende|centralt|en fordel|med fordel|kræver|nødvendig|forudsætning)/i;
const GUIDANCE_CHARS = 420;

const placeholder = (text: string): BlockNode => ({ type: 'placeholder', text: `[${text}]` });
const guidance = (text: string): BlockNode => ({ type: 'paragraph', role: 'guidance', text });

/** The catalogue's own sentences from a section, about `maxChars` long, verbatim. */
function sectionLead(section: Section, maxChars = GUIDANCE_CHARS): string {
  const out: string[] = [];
  let length = 0;
  for (const block of section.blocks) {
    // Guidance stays within one part of the section: it does not run on past a sub-heading.
    if (block.type === 'heading') {
      if (out.length) break;
      continue;
    }
    const sentences = block.type === 'list' ? block.items : splitSentences(block.text);
    for (const s of sentences) {
      if (out.length > 0 && length + s.length > maxChars) return out.join(' ');
      out.push(s);
      length += s.length + 1;
    }
  }
  return out.join(' ');
}

/** The section's recommending sentences ("bør", "vigtigt", …), verbatim and in order; the lead if it has none. */
export function recommendations(section: Section, max = 3): string[] {
  const sentences = section.blocks.flatMap((b) =>
    b.type === 'heading' ? [] : b.type === 'list' ? b.items : splitSentences(b.text),
  );
  const picked = sentences.filter((s) => RECOMMENDATION.test(s)).slice(0, max);
  return picked.length ? picked : sentences.slice(0, 1);
}

function evidenceStatement(type: ActivityType): string {
  return type.evidence === 'documented'
    ? `CFBU vurderer, at aktivitetstypen ${type.name} har dokumenteret virkning.`
    : `CFBU vurderer, at aktivitetstypen ${type.name} ikke har dokumenteret virkning.`;
}

function sourceLine(type: ActivityType, c: Catalog): string {
  return `Kilde: ${citation(type, c)}.`;
}

function build(type: ActivityType, kind: BlockKind, c: Catalog): TextBlock {
  const s = type.sections;
  let nodes: BlockNode[];
  switch (kind) {
    case 'evidens':
      nodes = [
        { type: 'heading', level: 2, text: `Evidensgrundlag: ${type.name}` },
        { type: 'paragraph', text: evidenceStatement(type) },
        { type: 'paragraph', text: `CFBU's vurdering: »${type.verdict}«` },
        { type: 'paragraph', role: 'citation', text: sourceLine(type, c) },
      ];
      break;
    case 'forudsaetninger':
      nodes = [
        { type: 'heading', level: 2, text: `Grundforudsætninger: ${type.name}` },
        { type: 'list', checklist: true, items: [...type.prerequisites] },
        { type: 'paragraph', role: 'citation', text: sourceLine(type, c) },
      ];
      break;
    case 'beskrivelse':
      nodes = [
        { type: 'heading', level: 2, text: `Aktivitetsbeskrivelse: ${type.name}` },
        { type: 'heading', level: 3, text: 'Formål' },
        guidance(`Fra kataloget: ${sectionLead(s.description)}`),
        placeholder('Beskriv formålet med aktiviteten i jeres boligområde'),
        { type: 'heading', level: 3, text: 'Målgruppe' },
        guidance(`Fra kataloget: ${sectionLead(s.targetGroup)}`),
        placeholder('Beskriv målgruppen og hvor mange I forventer at nå'),
        { type: 'heading', level: 3, text: 'Indhold og metode' },
        guidance(`Fra kataloget: ${sectionLead(s.organisation)}`),
        placeholder('Beskriv aktivitetens indhold, metode og organisering'),
        { type: 'heading', level: 3, text: 'Samarbejdspartnere' },
        guidance(`Fra kataloget: ${sectionLead(s.partners)}`),
        placeholder('Nævn jeres samarbejdspartnere og deres rolle'),
        { type: 'heading', level: 3, text: 'Ressourcer og kompetencer' },
        guidance(`Fra kataloget: ${sectionLead(s.resources)}`),
        placeholder('Angiv medarbejdere, timer, kompetencer og budget'),
        { type: 'heading', level: 3, text: 'Mål, succeskriterier og milepæle' },
        placeholder('Angiv aktivitetens mål'),
        placeholder('Angiv succeskriterier, der kan måles'),
        placeholder('Angiv milepæle med datoer'),
        { type: 'heading', level: 3, text: 'Evidensgrundlag' },
        { type: 'paragraph', text: `${evidenceStatement(type)} CFBU's vurdering: »${type.verdict}«` },
        { type: 'paragraph', role: 'citation', text: sourceLine(type, c) },
      ];
      break;
    case 'anbefalinger': {
      const parts: [string, Section][] = [
        ['Målgruppe', s.targetGroup],
        ['Tilrettelæggelse og udførelse', s.organisation],
        ['Samarbejdspartnere', s.partners],
        ['Ressourcer og kompetencer', s.resources],
      ];
      nodes = [{ type: 'heading', level: 2, text: `Anbefalinger: ${type.name}` }];
      for (const [title, section] of parts) {
        nodes.push({ type: 'heading', level: 3, text: title }, { type: 'list', items: recommendations(section) });
      }
      nodes.push({ type: 'paragraph', role: 'citation', text: `Uddrag af katalogets anbefalinger. ${sourceLine(type, c)}` });
      break;
    }
    default:
      throw new UnknownBlockKindError(`Ukendt bloktype: ${String(kind)}`);
  }
  return {
    id: `${type.id}/${kind}`,
    activityId: type.id,
    kind,
    version: `${c.edition.id}#${BLOCK_TEMPLATE_VERSION}`,
    title: `${blockKindTitles[kind]}: ${type.name}`,
    citation: citation(type, c),
    nodes,
  };
}

export function textBlock(type: ActivityType, kind: BlockKind, c: Catalog = bundled): TextBlock {
  if (!blockKinds.includes(kind)) throw new UnknownBlockKindError(`Ukendt bloktype: ${String(kind)}`);
  return build(type, kind, c);
}

export function textBlocks(type: ActivityType, c: Catalog = bundled): TextBlock[] {
  return blockKinds.map((k) => build(type, k, c));
}

// ---------- rendering ----------

export function blockToText(block: TextBlock): string {
  const out: string[] = [];
  for (const n of block.nodes) {
    if (n.type === 'heading') out.push(n.text);
    else if (n.type === 'paragraph' || n.type === 'placeholder') out.push(n.text);
    else out.push(n.items.map((i) => `${n.checklist ? '☐' : '•'} ${i}`).join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}

const mdEscape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function blockToMarkdown(block: TextBlock): string {
  const out: string[] = [];
  for (const n of block.nodes) {
    if (n.type === 'heading') out.push(`${'#'.repeat(n.level)} ${mdEscape(n.text)}`);
    else if (n.type === 'placeholder') out.push(`**${mdEscape(n.text)}**`);
    else if (n.type === 'paragraph') out.push(n.role === 'guidance' ? `> ${mdEscape(n.text)}` : mdEscape(n.text));
    else out.push(n.items.map((i) => `${n.checklist ? '- [ ]' : '-'} ${mdEscape(i)}`).join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}

export function blockToHtml(block: TextBlock): string {
  const out: string[] = [];
  for (const n of block.nodes) {
    if (n.type === 'heading') out.push(`<h${n.level}>${escapeHtml(n.text)}</h${n.level}>`);
    else if (n.type === 'placeholder') out.push(`<p><mark class="iv-placeholder">${escapeHtml(n.text)}</mark></p>`);
    else if (n.type === 'paragraph') {
      const cls = n.role ? ` class="iv-${n.role}"` : '';
      out.push(`<p${cls}>${escapeHtml(n.text)}</p>`);
    } else {
      const items = n.items.map((i) => `<li>${n.checklist ? '☐ ' : ''}${escapeHtml(i)}</li>`).join('');
      out.push(`<ul${n.checklist ? ' class="iv-checklist"' : ''}>${items}</ul>`);
    }
  }
  return (
    `<section data-indsatsviden-block="${escapeHtml(block.id)}" data-version="${escapeHtml(block.version)}">` +
    `${out.join('')}</section>\n`
  );
}

export function blockToJson(block: TextBlock): string {
  return `${JSON.stringify(block, null, 2)}\n`;
}

/** Recognises a block id and version in a tag or attribute written by `blockTag`. */
export function blockTag(block: Pick<TextBlock, 'id' | 'version'>): string {
  return `indsatsviden:${block.id}@${block.version}`;
}
export function parseBlockTag(tag: string): { id: string; activityId: string; kind: BlockKind; version: string } | undefined {
  const m = /^indsatsviden:([a-z0-9-]+)\/([a-z]+)@(.+)$/.exec(tag);
  if (!m || !blockKinds.includes(m[2] as BlockKind)) return undefined;
  return { id: `${m[1]}/${m[2]}`, activityId: m[1]!, kind: m[2] as BlockKind, version: m[3]! };
}

