// "Print handout" / "Download report (PDF)": a paper size (remembered) and the PDF, as a GET
// link or a POST download. In a chunk of its own with the plan's print stylesheet, so the
// phone's way to a session stays small (src/screens/Plan.tsx loads it).
import { useState } from 'preact/hooks';
import { postFile, savedPage, savePage, withPage, type Page } from '../lib/pdf';
import { ErrorNote } from './ui';
import './handout.css';

/** `plan`: an assigned routine's id, a Profile, or the whole body for POST /api/v1/handouts;
 *  `report`: the progress report, of this client (0: one's own). */
export function PdfButton({ plan, report }: { plan?: number | object; report?: number }) {
  const [label, name, get, post] = report !== undefined
    ? ['Download report (PDF)', 'unknot-progress.pdf', `/api/v1/progress/report.pdf${report ? `?client=${report}` : ''}`]
    : ['Print handout', 'unknot-handout.pdf', typeof plan === 'number' && `/api/v1/plans/${plan}/handout.pdf`, typeof plan === 'object' && 'profile' in plan ? plan : { profile: plan }];
  const [page, setPage] = useState<Page>(savedPage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      await postFile(withPage('/api/v1/handouts', page), post, name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="pdf">
      {get ? (
        <a class="btn" href={withPage(get, page)} download={name}>{label}</a>
      ) : (
        <button type="button" class="btn" disabled={busy} onClick={make}>{busy ? 'Making the PDF…' : label}</button>
      )}
      <select aria-label="Paper size" value={page} onChange={(e) => {
        const p = e.currentTarget.value as Page;
        savePage(p);
        setPage(p);
      }}>
        <option value="a4">A4</option>
        <option value="letter">Letter</option>
      </select>
      {error !== null && <ErrorNote error={error} />}
    </div>
  );
}
