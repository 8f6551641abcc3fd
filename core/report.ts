// Reports of a plan analysis: a Danish terminal report, Markdown, and a self-contained HTML page with the evidence
// share and focus-area coverage drawn in inline SVG. Pure string builders; all text is escaped.
import type { Analysis, Finding } from './analysis.js';
import { escapeHtml } from './text.js';

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
const badge = (f: { evidence: string }) =>
  f.evidence === 'documented' ? 'dokumenteret virkning' : 'ikke dokumenteret virkning';

function nameFindings(a: Analysis) {
  return a.findings.filter((f) => f.tier === 'name');
}
function conceptFindings(a: Analysis) {
  return a.findings.filter((f) => f.tier === 'concept');
}

export function renderTextReport(a: Analysis, title = 'Analyse af helhedsplan'): string {
  const out: string[] = [];
  const e = a.evidence;
  out.push(title, '='.repeat(title.length), '');
  out.push(a.verdict, '');
  out.push(
    `Andel med dokumenteret virkning: ${percent(e.share)} (${e.documented} af ${e.total} aktivitetstyper, navnefund)`,
    `Medregnet begrebsfund: ${percent(a.evidenceWithConcepts.share)} (${a.evidenceWithConcepts.documented} af ${a.evidenceWithConcepts.total})`,
    '',
  );
  const table = (findings: Finding[], heading: string) => {
    out.push(heading);
    if (findings.length === 0) {
      out.push('  (ingen)', '');
      return;
    }
    const width = Math.min(60, Math.max(...findings.map((f) => f.name.length)));
    for (const f of findings) {
      const mark = f.evidence === 'documented' ? '✓' : '✗';
      const ignored = f.ignored ? '  [ikke en del af planen]' : '';
      out.push(`  ${mark} ${f.name.padEnd(width)}  ${String(f.count).padStart(3)}×  ${badge(f)}, ${f.pageLabel}${ignored}`);
    }
    out.push('');
  };
  table(nameFindings(a), 'Aktivitetstyper fundet ved navn:');
  table(conceptFindings(a), 'Aktivitetstyper fundet ved begreb (lavere sikkerhed):');
  out.push('Indsatsområder:');
  for (const c of Object.values(a.coverage)) {
    const names = c.types.map((t) => `${t.name}${t.evidence === 'documented' ? ' ✓' : ' ✗'}`).join(', ');
    out.push(`  ${c.name}: ${c.types.length ? names : '(ingen aktivitetstyper fundet)'}`);
  }
  out.push('');
  const alternatives = Object.entries(a.alternatives);
  if (alternatives.length) {
    out.push('Dokumenterede alternativer til aktivitetstyper uden dokumenteret virkning:');
    for (const [id, list] of alternatives) {
      const f = a.findings.find((x) => x.id === id)!;
      out.push(`  ${f.name}:`);
      for (const alt of list.slice(0, 5)) {
        out.push(`    – ${alt.name} (${alt.pageLabel})${alt.inPlan ? ' – allerede i planen' : ''}`);
      }
    }
    out.push('');
  }
  out.push(`Kilde: ${a.edition.label}. Fundene er nævnelser i teksten; de siger intet om hensigten med dem.`);
  return `${out.join('\n')}\n`;
}

export function renderMarkdownReport(a: Analysis, title = 'Analyse af helhedsplan'): string {
  const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const out: string[] = [`# ${md(title)}`, '', md(a.verdict), ''];
  out.push(`**Andel med dokumenteret virkning:** ${percent(a.evidence.share)} (${a.evidence.documented} af ${a.evidence.total})`, '');
  out.push('| Aktivitetstype | Niveau | Antal | Evidens | Side |', '|---|---|---|---|---|');
  for (const f of a.findings) {
    out.push(`| ${md(f.name)}${f.ignored ? ' (ikke en del af planen)' : ''} | ${f.tier === 'name' ? 'navn' : 'begreb'} | ${f.count} | ${badge(f)} | ${f.pageLabel} |`);
  }
  out.push('', '## Indsatsområder', '');
  for (const c of Object.values(a.coverage)) {
    out.push(`- **${md(c.name)}**: ${c.types.length ? c.types.map((t) => md(t.name)).join(', ') : 'ingen'}`);
  }
  const alternatives = Object.entries(a.alternatives);
  if (alternatives.length) {
    out.push('', '## Dokumenterede alternativer', '');
    for (const [id, list] of alternatives) {
      const f = a.findings.find((x) => x.id === id)!;
      out.push(`- **${md(f.name)}**: ${list.slice(0, 5).map((x) => `${md(x.name)} (${x.pageLabel})`).join(', ')}`);
    }
  }
  out.push('', `*Kilde: ${md(a.edition.label)}.*`, '');
  return out.join('\n');
}

function evidenceSvg(a: Analysis): string {
  const share = a.evidence.share ?? 0;
  const w = 480;
  const h = 56;
  const filled = Math.round(share * w);
  const label = a.evidence.share === null ? 'Ingen aktivitetstyper fundet' : `${percent(share)} med dokumenteret virkning`;
  return (
    `<svg role="img" aria-label="${escapeHtml(label)}; kravet er mere end halvdelen" viewBox="0 0 ${w} ${h + 24}" width="100%" style="max-width:${w}px">` +
    `<rect x="0" y="0" width="${w}" height="${h}" rx="6" fill="#e8e4dc"/>` +
    `<rect x="0" y="0" width="${filled}" height="${h}" rx="6" fill="#2f6f4f"/>` +
    `<line x1="${w / 2}" y1="-2" x2="${w / 2}" y2="${h + 4}" stroke="#1b1b1b" stroke-width="2" stroke-dasharray="4 3"/>` +
    `<text x="${w / 2 + 6}" y="${h + 18}" font-size="13" fill="#1b1b1b">50 % (størstedelen)</text>` +
    `<text x="10" y="${h / 2 + 6}" font-size="17" font-weight="600" fill="${share > 0.25 ? '#fff' : '#1b1b1b'}">${escapeHtml(label)}</text>` +
    `</svg>`
  );
}

function coverageSvg(a: Analysis): string {
  const areas = Object.values(a.coverage);
  const max = Math.max(1, ...areas.map((c) => c.types.length));
  const row = 34;
  const labelW = 230;
  const barW = 240;
  const bars = areas
    .map((c, i) => {
      const doc = c.types.filter((t) => t.evidence === 'documented').length;
      const not = c.types.length - doc;
      const y = i * row;
      const dw = (doc / max) * barW;
      const nw = (not / max) * barW;
      return (
        `<text x="0" y="${y + 21}" font-size="14" fill="#1b1b1b">${escapeHtml(c.name)}</text>` +
        `<rect x="${labelW}" y="${y + 6}" width="${dw}" height="22" fill="#2f6f4f"/>` +
        `<rect x="${labelW + dw}" y="${y + 6}" width="${nw}" height="22" fill="#b5651d" fill-opacity="0.85"/>` +
        `<text x="${labelW + dw + nw + 6}" y="${y + 22}" font-size="13" fill="#1b1b1b">${doc} dok. / ${not} ikke dok.</text>`
      );
    })
    .join('');
  return `<svg role="img" aria-label="Aktivitetstyper pr. indsatsområde" viewBox="0 0 ${labelW + barW + 190} ${areas.length * row + 6}" width="100%" style="max-width:680px">${bars}</svg>`;
}

function contextSnippet(a: Analysis, f: Finding, i: number): string {
  const o = f.occurrences[i]!;
  const text = a.paragraphs[o.paragraph]?.text ?? '';
  const from = Math.max(0, o.start - 60);
  const to = Math.min(text.length, o.end + 60);
  return (
    `${from > 0 ? '…' : ''}${escapeHtml(text.slice(from, o.start))}<mark>${escapeHtml(text.slice(o.start, o.end))}</mark>` +
    `${escapeHtml(text.slice(o.end, to))}${to < text.length ? '…' : ''}`
  );
}

export function renderHtmlReport(a: Analysis, title = 'Analyse af helhedsplan'): string {
  const e = a.evidence;
  const paragraphAnchors = new Map<number, string>();
  const findingsRows = a.findings
    .map((f) => {
      const links = f.occurrences
        .map((o, i) => {
          paragraphAnchors.set(o.paragraph, `afsnit-${o.paragraph + 1}`);
          return `<li><a href="#afsnit-${o.paragraph + 1}">Afsnit ${o.paragraph + 1}${o.heading ? ` (${escapeHtml(o.heading)})` : ''}</a>: ${contextSnippet(a, f, i)}</li>`;
        })
        .join('');
      const evidenceBadge =
        f.evidence === 'documented'
          ? '<span class="badge doc">✓ Dokumenteret virkning</span>'
          : '<span class="badge not">✗ Ikke dokumenteret virkning</span>';
      return (
        `<tr${f.ignored ? ' class="ignored"' : ''}><th scope="row">${escapeHtml(f.name)}${f.ignored ? '<br><small>ikke en del af planen</small>' : ''}</th>` +
        `<td>${f.tier === 'name' ? 'Navn' : 'Begreb'}</td><td>${f.count}</td><td>${evidenceBadge}</td><td>${escapeHtml(f.pageLabel)}</td>` +
        `<td><details><summary>Vis ${f.count} ${f.count === 1 ? 'forekomst' : 'forekomster'}</summary><ul>${links}</ul></details></td></tr>`
      );
    })
    .join('');
  const alternatives = Object.entries(a.alternatives)
    .map(([id, list]) => {
      const f = a.findings.find((x) => x.id === id)!;
      const items = list
        .slice(0, 6)
        .map((x) => `<li>${escapeHtml(x.name)} (${escapeHtml(x.pageLabel)})${x.inPlan ? ' – allerede i planen' : ''}</li>`)
        .join('');
      return `<section><h3>${escapeHtml(f.name)}</h3><ul>${items}</ul></section>`;
    })
    .join('');
  const coverageList = Object.values(a.coverage)
    .map(
      (c) =>
        `<li><strong>${escapeHtml(c.name)}</strong>: ${
          c.types.length ? c.types.map((t) => `${escapeHtml(t.name)} ${t.evidence === 'documented' ? '✓' : '✗'}`).join(', ') : 'ingen fundet'
        }</li>`,
    )
    .join('');
  const plan = a.paragraphs
    .map((p, i) => {
      const id = `afsnit-${i + 1}`;
      const tag = p.heading ? `h${Math.min(6, (p.level ?? 1) + 2)}` : 'p';
      return `<${tag} id="${id}">${escapeHtml(p.text)}</${tag}>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.7rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
.verdict{font-size:1.1rem;padding:1rem;border-left:6px solid ${e.meetsRequirement ? '#2f6f4f' : '#b5651d'};background:#f6f4ef}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}
.badge{display:inline-block;padding:.1rem .45rem;border-radius:4px;font-size:.85rem;white-space:nowrap}
.badge.doc{background:#dcefe4;color:#14452c}.badge.not{background:#f8e6d4;color:#6a3408}
tr.ignored{opacity:.6}mark{background:#fff2a8}
.plan{border:1px solid #ddd;padding:1rem;background:#fcfcfa}.plan p{margin:.4rem 0}
footer{margin-top:3rem;font-size:.9rem;color:#444}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="verdict">${escapeHtml(a.verdict)}</p>
<h2>Andel med dokumenteret virkning</h2>
${evidenceSvg(a)}
<p>${e.documented} af ${e.total} aktivitetstyper fundet ved navn har dokumenteret virkning. Medregnes begrebsfund: ${a.evidenceWithConcepts.documented} af ${a.evidenceWithConcepts.total} (${percent(a.evidenceWithConcepts.share)}).</p>
<h2>Indsatsområder</h2>
${coverageSvg(a)}
<ul>${coverageList}</ul>
<h2>Fundne aktivitetstyper</h2>
${a.findings.length ? `<table><thead><tr><th scope="col">Aktivitetstype</th><th scope="col">Niveau</th><th scope="col">Antal</th><th scope="col">Evidens</th><th scope="col">Side</th><th scope="col">Forekomster</th></tr></thead><tbody>${findingsRows}</tbody></table>` : '<p>Ingen aktivitetstyper fra kataloget er fundet i teksten.</p>'}
${alternatives ? `<h2>Dokumenterede alternativer</h2><p>For hver fundet aktivitetstype uden dokumenteret virkning: aktivitetstyper med dokumenteret virkning i samme indsatsområde.</p>${alternatives}` : ''}
<h2>Planens tekst</h2>
<div class="plan">
${plan}
</div>
</main>
<footer>Kilde: ${escapeHtml(a.edition.label)}. Fundene er nævnelser i teksten; rapporten siger intet om hensigten med dem. Lavet med Indsatsviden; intet er sendt nogen steder hen.</footer>
</body>
</html>
`;
}
