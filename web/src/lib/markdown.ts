// A tiny Markdown renderer for the learn articles: # to ### headings, paragraphs, "-"/"*" and
// "1." lists (with indented continuation lines), **bold**, *italic*, `code`, and diagrams: a line
// `![what it shows](diagram:name)` becomes a figure with the served SVG (data/learn/diagrams/).
// Everything else is text: the input is HTML-escaped first, so an article can never inject markup,
// and a diagram's name is only ever [a-z0-9-] (anything else stays text).
// Headings start at `minLevel` (h2) so an article's "#" never competes with the page's one <h1>.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Inline formatting on already-escaped text. */
function inline(escaped: string): string {
  return escaped
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_]+?)_(?![_\w])/g, '$1<em>$2</em>');
}

/** A diagram on its own line; the content loader checks the same form and that the name exists. */
const DIAGRAM = /^!\[([^\[\]]+)\]\(diagram:([a-z0-9-]+)\)$/;

export const diagramUrl = (name: string): string => `/api/v1/learn/diagrams/${name}.svg`;

/** The diagrams an article shows, for the service worker to keep them offline with it. */
export function diagramsIn(src: string): string[] {
  const names: string[] = [];
  for (const line of src.split(/\r\n?|\n/)) {
    const m = DIAGRAM.exec(line.trim());
    if (m && !names.includes(m[2])) names.push(m[2]);
  }
  return names;
}

type Block =
  | { kind: 'h'; level: number; text: string }
  | { kind: 'figure'; alt: string; name: string }
  | { kind: 'p'; lines: string[] }
  | { kind: 'ul' | 'ol'; items: string[][] };

export function renderMarkdown(src: string, minLevel = 2): string {
  const blocks: Block[] = [];
  let cur = null as Block | null;
  for (const raw of src.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      // A blank line ends a paragraph; a list survives it only if the next line is an item.
      if (cur?.kind === 'p') cur = null;
      continue;
    }
    const d = DIAGRAM.exec(line.trim());
    if (d) {
      blocks.push({ kind: 'figure', alt: d[1].trim(), name: d[2] });
      cur = null;
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      blocks.push({ kind: 'h', level: Math.min(6, Math.max(minLevel, h[1].length)), text: h[2].replace(/\s+#+$/, '') });
      cur = null;
      continue;
    }
    const ul = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
    const ol = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/.exec(line);
    const item = ul ?? ol;
    if (item) {
      const kind = ul ? 'ul' : 'ol';
      if (cur?.kind !== kind) blocks.push((cur = { kind, items: [] }));
      (cur as { items: string[][] }).items.push([item[1]]);
      continue;
    }
    if ((cur?.kind === 'ul' || cur?.kind === 'ol') && /^\s+\S/.test(raw)) {
      cur.items[cur.items.length - 1].push(line.trim()); // continuation of the last item
      continue;
    }
    if (cur?.kind !== 'p') blocks.push((cur = { kind: 'p', lines: [] }));
    cur.lines.push(line.trim());
  }
  const text = (lines: string[]) => inline(escapeHtml(lines.join(' ')));
  return blocks
    .map((b) => {
      if (b.kind === 'h') return `<h${b.level}>${text([b.text])}</h${b.level}>`;
      if (b.kind === 'p') return `<p>${text(b.lines)}</p>`;
      if (b.kind === 'figure') return `<figure><img src="${diagramUrl(b.name)}" alt="${escapeHtml(b.alt)}"></figure>`;
      return `<${b.kind}>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</${b.kind}>`;
    })
    .join('\n');
}
