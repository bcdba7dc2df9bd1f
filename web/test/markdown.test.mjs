// The learn pages' Markdown renderer: the subset the articles use, and never raw HTML.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { escapeHtml, renderMarkdown } from './.build/markdown.mjs';

test('headings, paragraphs, lists, bold and italic', () => {
  const html = renderMarkdown(
    '## Before you start\n\nRoll **slowly** and\nbreathe *out*.\n\n- one\n- two with\n  more words\n\n1. first\n2. second\n\n### Small',
  );
  assert.equal(
    html,
    [
      '<h2>Before you start</h2>',
      '<p>Roll <strong>slowly</strong> and breathe <em>out</em>.</p>',
      '<ul><li>one</li><li>two with more words</li></ul>',
      '<ol><li>first</li><li>second</li></ol>',
      '<h3>Small</h3>',
    ].join('\n'),
  );
});

test('a top-level heading never becomes a second <h1>', () => {
  assert.equal(renderMarkdown('# Title'), '<h2>Title</h2>');
});

test('HTML in the source is escaped, not rendered', () => {
  const html = renderMarkdown('<script>alert("x")</script>\n\n- <img src=x onerror=alert(1)>\n\n**<b>&</b>**');
  assert.ok(!/<script|<img|<b>/.test(html), html);
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.match(html, /<li>&lt;img src=x onerror=alert\(1\)&gt;<\/li>/);
  assert.match(html, /<strong>&lt;b&gt;&amp;&lt;\/b&gt;<\/strong>/);
  assert.equal(escapeHtml(`'"<>&`), '&#39;&quot;&lt;&gt;&amp;');
});

test('stray asterisks and multiplication stay text', () => {
  assert.equal(renderMarkdown('2 * 3 * 4 and a*b'), '<p>2 * 3 * 4 and a*b</p>');
  assert.equal(renderMarkdown('**not closed'), '<p>**not closed</p>');
});

test('every learn article renders with balanced tags and no leftover markers', () => {
  const dir = new URL('../../data/learn/', import.meta.url);
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  } catch {
    return; // the web folder on its own: nothing to check
  }
  for (const f of files) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    const body = text.slice(text.search(/^#/m)); // the content files start with title/summary/source lines
    const html = renderMarkdown(body);
    for (const tag of ['h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em'])
      assert.equal((html.match(new RegExp(`<${tag}>`, 'g')) ?? []).length, (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length, `${f} <${tag}>`);
    assert.ok(!/\*\*|^#/m.test(html), `${f} has unrendered markers`);
  }
});
