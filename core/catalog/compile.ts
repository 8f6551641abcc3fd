// Compiles the catalogue's Markdown files into one validated bundle. Pure: takes file contents, returns the
// catalogue or throws a CatalogError that names every bad file and field.
import { parse as parseYaml } from 'yaml';
import type { ZodError } from 'zod';
import * as S from '../schema.js';
import { slugify } from '../slug.js';
import type { ActivityType, Block, Catalog, FocusArea } from '../types.js';

export interface SourceFile {
  /** Path relative to the project root, e.g. "catalog/activity-types/lektiecafeer.md". */
  path: string;
  content: string;
}

export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`Kataloget kan ikke bygges:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

const sectionKeyByTitle = new Map(
  Object.entries(S.sectionTitles).map(([key, title]) => [title.toLowerCase(), key as S.SectionKeyType]),
);

interface Parsed {
  data: unknown;
  body: string;
}

function splitFrontMatter(file: SourceFile, problems: string[]): Parsed | undefined {
  const text = file.content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) {
    problems.push(`${file.path}: front matter: filen skal begynde med et YAML-hoved mellem to linjer med ---`);
    return undefined;
  }
  try {
    return { data: parseYaml(m[1]!), body: text.slice(m[0].length) };
  } catch (e) {
    problems.push(`${file.path}: front matter: ugyldig YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function zodProblems(file: string, error: ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${file}: ${field || '(roden)'}: ${issue.message}`;
  });
}

/** Splits a Markdown body into its "## " sections (title → content). */
function splitSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let title: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (title !== undefined) sections.set(title, lines.join('\n').trim());
  };
  for (const line of body.split('\n')) {
    const h = /^##\s+(.+?)\s*$/.exec(line);
    if (h && !line.startsWith('###')) {
      flush();
      title = h[1]!;
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** Parses a section's Markdown into paragraphs, lists and sub-headings. */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join(' ').replace(/\s+/g, ' ').trim() });
    paragraph = [];
  };
  const flushList = () => {
    if (list?.length) blocks.push({ type: 'list', items: list.map((i) => i.replace(/\s+/g, ' ').trim()) });
    list = undefined;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const heading = /^###\s+(.+)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', text: heading[1]!.trim() });
    } else if (item) {
      flushParagraph();
      (list ??= []).push(item[1]!);
    } else if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (list && /^\s+\S/.test(raw)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

function blocksToText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.type === 'list' ? b.items.map((i) => `• ${i}`).join('\n') : b.text))
    .join('\n\n');
}

const isEstimated = (pageBasis: string) => /^(estimated|extrapolated)/i.test(pageBasis.trim());

function compileActivityType(file: SourceFile, problems: string[]): ActivityType | undefined {
  const parsed = splitFrontMatter(file, problems);
  if (!parsed) return undefined;
  const front = S.ActivityTypeFrontMatter.safeParse(parsed.data);
  if (!front.success) {
    problems.push(...zodProblems(file.path, front.error));
    return undefined;
  }
  const sectionsByTitle = splitSections(parsed.body);
  const sections: Partial<ActivityType['sections']> = {};
  for (const [title, markdown] of sectionsByTitle) {
    const key = sectionKeyByTitle.get(title.toLowerCase());
    if (!key) {
      problems.push(`${file.path}: sections: ukendt afsnit "## ${title}"`);
      continue;
    }
    const blocks = parseBlocks(markdown);
    sections[key] = { title: S.sectionTitles[key], text: blocksToText(blocks), blocks };
  }
  for (const key of S.sectionKeys) {
    const section = sections[key];
    if (!section || section.blocks.length === 0) {
      problems.push(`${file.path}: sections.${key}: afsnittet "## ${S.sectionTitles[key]}" mangler eller er tomt`);
    }
  }
  const prerequisites = (sections.prerequisites?.blocks ?? []).flatMap((b) => (b.type === 'list' ? b.items : []));
  if (sections.prerequisites && prerequisites.length === 0) {
    problems.push(`${file.path}: sections.prerequisites: grundforudsætningerne skal stå som en punktliste`);
  }
  const type = S.ActivityType.safeParse({
    ...front.data,
    pageEstimated: isEstimated(front.data.pageBasis),
    sections,
    prerequisites,
    file: file.path,
  });
  if (!type.success) {
    // Section problems are reported above with their Danish headings.
    problems.push(...zodProblems(file.path, type.error).filter((p) => !p.includes(': sections')));
    return undefined;
  }
  return type.data;
}

function compileFocusArea(file: SourceFile, problems: string[]): FocusArea | undefined {
  const parsed = splitFrontMatter(file, problems);
  if (!parsed) return undefined;
  const sections = splitSections(parsed.body);
  const focusArea = S.FocusArea.safeParse({
    ...(parsed.data as object),
    introduction: sections.get('Introduktion') ?? '',
    programmeTheoryText: sections.get('Programteori') ?? '',
    file: file.path,
  });
  if (!focusArea.success) {
    problems.push(...zodProblems(file.path, focusArea.error));
    return undefined;
  }
  return focusArea.data;
}

export function compileCatalog(files: SourceFile[]): Catalog {
  const problems: string[] = [];
  const byDir = (dir: string) =>
    files.filter((f) => f.path.includes(`/${dir}/`) && f.path.endsWith('.md')).sort((a, b) => (a.path < b.path ? -1 : 1));

  const activityTypes = byDir('activity-types')
    .map((f) => compileActivityType(f, problems))
    .filter((t): t is ActivityType => t !== undefined);
  const focusAreas = byDir('focus-areas')
    .map((f) => compileFocusArea(f, problems))
    .filter((a): a is FocusArea => a !== undefined)
    .sort((a, b) => a.number - b.number);

  const editionFile = files.find((f) => f.path.endsWith('/edition.md') || f.path === 'edition.md');
  let edition: Catalog['edition'] | undefined;
  if (!editionFile) problems.push('catalog/edition.md: filen mangler');
  else {
    const parsed = splitFrontMatter(editionFile, problems);
    if (parsed) {
      const sections = splitSections(parsed.body);
      const result = S.Edition.safeParse({
        ...(parsed.data as object),
        introduction: sections.get('Indledning') ?? '',
        assessment: sections.get('Om vurderingen af dokumenteret virkning') ?? '',
      });
      if (result.success) edition = result.data;
      else problems.push(...zodProblems(editionFile.path, result.error));
    }
  }

  // Cross-file rules: names, ids and links must agree across the whole catalogue. Links are checked against every
  // activity-type file, so one broken file is reported once, not again by each file that links to it.
  const fileIds = new Set(byDir('activity-types').map((f) => f.path.replace(/^.*\//, '').replace(/\.md$/, '')));
  const ids = new Set<string>();
  for (const t of activityTypes) {
    const expectedFile = `${t.id}.md`;
    if (!t.file.endsWith(`/${expectedFile}`)) problems.push(`${t.file}: id: filen skal hedde ${expectedFile}`);
    if (slugify(t.name) !== t.id) problems.push(`${t.file}: id: skal være "${slugify(t.name)}" (navnets slug)`);
    if (ids.has(t.id)) problems.push(`${t.file}: id: "${t.id}" findes allerede`);
    ids.add(t.id);
    if (!t.focusAreas.includes(t.homeFocusArea)) {
      problems.push(`${t.file}: homeFocusArea: "${t.homeFocusArea}" skal også stå i focusAreas`);
    }
    if (t.pageRange[0] > t.page || t.pageRange[1] < t.page) {
      problems.push(`${t.file}: pageRange: skal indeholde page ${t.page}`);
    }
  }
  for (const t of activityTypes) {
    for (const r of t.related) {
      if (!fileIds.has(r)) problems.push(`${t.file}: related: ukendt aktivitetstype "${r}"`);
      if (r === t.id) problems.push(`${t.file}: related: en type kan ikke henvise til sig selv`);
    }
  }
  for (const a of focusAreas) {
    if (!a.file.endsWith(`/${a.id}.md`)) problems.push(`${a.file}: id: filen skal hedde ${a.id}.md`);
    for (const id of a.activityTypes) {
      const t = activityTypes.find((x) => x.id === id);
      if (!fileIds.has(id)) problems.push(`${a.file}: activityTypes: ukendt aktivitetstype "${id}"`);
      else if (t && !t.focusAreas.includes(a.id)) {
        problems.push(`${t.file}: focusAreas: mangler "${a.id}", som ${a.file} nævner typen under`);
      }
    }
    for (const t of activityTypes) {
      if (t.focusAreas.includes(a.id) && !a.activityTypes.includes(t.id)) {
        problems.push(`${a.file}: activityTypes: mangler "${t.id}", som har indsatsområdet i focusAreas`);
      }
    }
  }
  if (edition) {
    for (const t of activityTypes) {
      if (t.pageRange[1] > edition.pageCount) problems.push(`${t.file}: pageRange: side efter katalogets sidste side`);
    }
  }

  if (problems.length) throw new CatalogError(problems);
  const catalog = S.Catalog.safeParse({ edition, focusAreas, activityTypes });
  if (!catalog.success) throw new CatalogError(zodProblems('catalog', catalog.error));
  return catalog.data;
}
