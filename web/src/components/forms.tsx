// Form pieces for the account screens: labelled fields that show the server's message under
// the field it names (the API's error.field), a password field with Show, and a submit helper.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { HttpError } from '../api/client';
import { errorText } from './ui';

/** The server's messages are phrases ("use at least 12 characters"); as a sentence. */
export function sentence(s: string): string {
  const t = s.trim();
  return t ? t[0].toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.') : t;
}

export function fieldError(error: unknown, field: string): string | null {
  return error instanceof HttpError && error.field === field ? sentence(error.message) : null;
}

/** The message for the form as a whole: anything not tied to one of `fields`. */
export function formError(error: unknown, fields: string[]): string | null {
  if (!error) return null;
  if (error instanceof HttpError && error.field && fields.includes(error.field)) return null;
  return error instanceof HttpError && error.status !== 404 && error.status !== 503 ? sentence(error.message) : errorText(error);
}

interface FieldProps {
  name: string;
  id?: string; // when two forms on one page have a field of the same name
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  hint?: ComponentChildren;
  error?: string | null;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  defaultValue?: string;
  inputMode?: 'email' | 'text' | 'numeric';
}

export function Field(p: FieldProps) {
  const [shown, setShown] = useState(false);
  const id = p.id ?? `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const password = p.type === 'password';
  return (
    <div class={`field${p.error ? ' invalid' : ''}`}>
      <label for={id}>{p.label}</label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      <div class="field-row">
        {/* the type is one of three (Preact types each input type with its own attributes) */}
        <input {...({ type: password && shown ? 'text' : (p.type ?? 'text') } as { type: 'text' })} id={id} name={p.name} autoComplete={p.autoComplete}
          required={p.required} minLength={p.minLength} maxLength={p.maxLength} defaultValue={p.defaultValue} inputMode={p.inputMode}
          aria-invalid={p.error ? true : undefined} aria-describedby={described}
          autoCapitalize={p.type === 'email' || password ? 'off' : undefined} spellcheck={p.type === 'email' || password ? false : undefined} />
        {password && (
          <button type="button" class="btn show" aria-pressed={shown} aria-label={`Show ${p.label.toLowerCase()}`} onClick={() => setShown(!shown)}>
            Show
          </button>
        )}
      </div>
      {p.error && <p class="field-error" id={`${id}-error`}>{p.error}</p>}
    </div>
  );
}

/** Runs a form's action with its fields as strings; keeps `busy` and the error. */
export function useSubmit(action: (fields: Record<string, string>, form: HTMLFormElement) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const fields = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    setBusy(true);
    setError(null);
    try {
      await action(fields, form);
    } catch (err) {
      setError(err);
      // Focus the field the server named, else the message.
      const named = err instanceof HttpError && err.field ? form.querySelector<HTMLElement>(`[name="${err.field}"]`) : null;
      requestAnimationFrame(() => (named ?? form.querySelector<HTMLElement>('.form-error'))?.focus());
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, onSubmit, setError };
}

export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  const text = formError(error, fields);
  return text ? <p class="note warn form-error" role="alert" tabIndex={-1}>{text}</p> : null;
}

export const PASSWORD_HINT = 'At least 12 characters. A few unrelated words make a strong one that is easy to type.';

