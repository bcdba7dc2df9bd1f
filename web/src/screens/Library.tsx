// The library (techniques and stretches, step by step) and the learn articles.
import { api } from '../api/client';
import type { Source, Stretch, Technique } from '../api/types';
import { Picture } from '../components/Picture';
import { ErrorNote, List, Loading, ScreenTitle } from '../components/ui';
import { renderMarkdown } from '../lib/markdown';
import { href } from '../lib/router';
import { useApi } from '../lib/useApi';

function Sources({ keys, all }: { keys: string[]; all: Source[] }) {
  if (keys.length === 0) return null;
  return (
    <section aria-labelledby="sources-h" class="sources">
      <h2 id="sources-h">Sources</h2>
      <ul>
        {keys.map((k) => {
          const s = all.find((x) => x.key === k);
          return (
            <li key={k}>
              {s ? (s.url ? <a href={s.url} rel="noopener noreferrer" target="_blank">{s.title}</a> : s.title) : k}
              {s?.note && <span class="muted small"> · {s.note}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function LibraryScreen() {
  const data = useApi(() => Promise.all([api.techniques(), api.stretches()]), []);
  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading />;
  const [techniques, stretches] = data.data;
  return (
    <div class="screen library">
      <ScreenTitle title="Library">Library</ScreenTitle>
      <p class="lead">Every move unknot knows, step by step.</p>
      <section aria-labelledby="rolls-h">
        <h2 id="rolls-h">Rolling</h2>
        <ul class="tiles">
          {techniques.map((t) => (
            <li key={t.id}>
              <a class="tile" href={href(`/library/technique/${t.id}`)}>
                <Picture move={t.id} size={112} label={`${t.name}: how to lie on the roller`} />
                <span><strong>{t.name}</strong><span class="muted small">{t.summary}</span></span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="stretches-h">
        <h2 id="stretches-h">Stretches</h2>
        <ul class="tiles">
          {stretches.map((s) => (
            <li key={s.id}>
              <a class="tile" href={href(`/library/stretch/${s.id}`)}>
                <Picture move={s.id} size={112} label={`${s.name}: the stretch position`} />
                <span><strong>{s.name}</strong><span class="muted small">hold {s.hold_s} s{s.per_side ? ', each side' : ''}</span></span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function TechniqueScreen({ id }: { id: string }) {
  const data = useApi(() => Promise.all([api.technique(id), api.stretches(), api.sources(), api.tools()]), [id]);
  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading />;
  const [t, stretches, sources, tools] = data.data;
  return <TechniqueView t={t} stretches={stretches} sources={sources} toolNames={t.tools.map((x) => tools.find((y) => y.id === x)?.name ?? x)} />;
}

function TechniqueView({ t, stretches, sources, toolNames }: { t: Technique; stretches: Stretch[]; sources: Source[]; toolNames: string[] }) {
  return (
    <div class="screen detail">
      <p class="crumbs"><a href="#/library">Library</a></p>
      <ScreenTitle title={t.name}>{t.name}</ScreenTitle>
      <div class="move-picture">
        <Picture move={t.id} mode="move" size={420} label={`${t.name}: rolling from ${t.roll_from} to ${t.roll_to}`} />
      </div>
      <p class="lead">{t.summary}</p>
      <p class="muted small">
        {t.per_side ? 'One side at a time' : 'Both sides at once'} · {toolNames.join(', ')} · {t.needs_floor ? 'on the floor' : 'no floor needed'}
      </p>
      {t.population && <p><strong>Good for:</strong> {t.population}</p>}
      <h2>Set up</h2>
      <List items={t.setup} ordered />
      <h2>Roll and hold</h2>
      <p>Roll slowly from {t.roll_from} to {t.roll_to}. When you find the most tender spot, stop and rest on it for {t.hold_min_s}–{t.hold_max_s} seconds, until it eases.</p>
      <List items={t.cues} />
      <h2>Too much?</h2>
      <List items={t.lighter} />
      {t.heavier.length > 0 && (<><h2>Want more?</h2><List items={t.heavier} /></>)}
      <h2>Stay off</h2>
      <List items={t.avoid} />
      {t.stretches.length > 0 && (
        <>
          <h2>Stretch afterwards</h2>
          <ul>
            {t.stretches.map((id) => (
              <li key={id}><a href={href(`/library/stretch/${id}`)}>{stretches.find((s) => s.id === id)?.name ?? id}</a></li>
            ))}
          </ul>
        </>
      )}
      <Sources keys={t.sources} all={sources} />
    </div>
  );
}

export function StretchScreen({ id }: { id: string }) {
  const data = useApi(() => Promise.all([api.stretch(id), api.sources()]), [id]);
  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading />;
  const [s, sources] = data.data;
  return (
    <div class="screen detail">
      <p class="crumbs"><a href="#/library">Library</a></p>
      <ScreenTitle title={s.name}>{s.name}</ScreenTitle>
      <div class="move-picture">
        <Picture move={s.id} mode="setup" size={420} label={`${s.name}: the stretch position`} />
      </div>
      <p class="lead">
        Hold {s.hold_s} seconds{s.per_side ? ' on each side' : ''}
        {s.hold_s_older_adult > s.hold_s ? ` (${s.hold_s_older_adult} s if you are 65 or older)` : ''}.
      </p>
      <h2>Set up</h2>
      <List items={s.setup} ordered />
      {s.cues.length > 0 && (<><h2>While you hold</h2><List items={s.cues} /></>)}
      <Sources keys={s.sources} all={sources} />
    </div>
  );
}

export function LearnScreen() {
  const data = useApi(() => api.articles(), []);
  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading />;
  return (
    <div class="screen learn">
      <ScreenTitle title="Learn">Learn</ScreenTitle>
      <p class="lead">What rolling does, what it doesn't, and how to do it well.</p>
      <ul class="articles">
        {data.data.map((a) => (
          <li key={a.slug}>
            <a href={href(`/learn/${a.slug}`)}><strong>{a.title}</strong></a>
            <p class="muted small">{a.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ArticleScreen({ slug }: { slug: string }) {
  const data = useApi(() => Promise.all([api.article(slug), api.sources()]), [slug]);
  if (!data.data) return data.error ? <ErrorNote error={data.error} retry={data.retry} /> : <Loading />;
  const [a, sources] = data.data;
  return (
    <div class="screen article">
      <p class="crumbs"><a href="#/learn">Learn</a></p>
      <ScreenTitle title={a.title}>{a.title}</ScreenTitle>
      <p class="lead">{a.summary}</p>
      {/* renderMarkdown escapes all HTML in the source before adding its own tags */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(a.body) }} />
      <Sources keys={a.sources} all={sources} />
    </div>
  );
}
