// The learn pages' Markdown renderer: the subset the articles use, and never raw HTML.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagramsIn, escapeHtml, renderMarkdown } from './.build/markdown.mjs';

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

test('a diagram line becomes a figure with the served SVG and its alt text', () => {
  assert.equal(
    renderMarkdown('Before.\n![A loop of six steps](diagram:cumulative-injury-cycle)\n\n- one\n  ![Knees & "bones" <b>](diagram:where-not-to-roll)  \nAfter.'),
    [
      '<p>Before.</p>',
      '<figure><img src="/api/v1/learn/diagrams/cumulative-injury-cycle.svg" alt="A loop of six steps"></figure>',
      '<ul><li>one</li></ul>',
      '<figure><img src="/api/v1/learn/diagrams/where-not-to-roll.svg" alt="Knees &amp; &quot;bones&quot; &lt;b&gt;"></figure>',
      '<p>After.</p>',
    ].join('\n'),
  );
});

test('only a plain diagram name on its own line makes a figure; anything else stays escaped text', () => {
  for (const line of [
    '![x](diagram:../../etc/passwd)',
    '![x](diagram:Upper_Case)',
    '![x](diagram:a.svg)',
    '![x](diagram:a" onerror="alert(1))',
    '![x](javascript:alert(1))',
    '![x](https://example.org/a.png)',
    '![](diagram:empty-alt)',
    'Words first ![x](diagram:inline)',
    '![x](diagram:tail) and words after',
  ]) {
    const html = renderMarkdown(line);
    assert.ok(!/<figure|<img/.test(html), `${line} -> ${html}`);
    assert.ok(html.startsWith('<p>'), html);
  }
  assert.equal(renderMarkdown('![a <script>](diagram:x"y)'), '<p>![a &lt;script&gt;](diagram:x&quot;y)</p>');
});

test('diagramsIn lists the diagrams an article shows, once each', () => {
  assert.deepEqual(diagramsIn('![A](diagram:one)\ntext ![B](diagram:two)\n\n![C](diagram:three)\r\n![A again](diagram:one)\n'), ['one', 'three']);
  assert.deepEqual(diagramsIn('no pictures'), []);
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
    for (const tag of ['h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'figure'])
      assert.equal((html.match(new RegExp(`<${tag}>`, 'g')) ?? []).length, (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length, `${f} <${tag}>`);
    assert.ok(!/\*\*|^#|!\[/m.test(html), `${f} has unrendered markers`);
    // Every diagram it names is a file, or the one the server draws from the body map.
    for (const name of diagramsIn(body)) {
      const drawn = name === 'where-not-to-roll';
      assert.ok(drawn || existsSync(new URL(`diagrams/${name}.svg`, dir)), `${f} names a missing diagram ${name}`);
    }
  }
});
