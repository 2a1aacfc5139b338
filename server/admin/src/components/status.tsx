import type { ComponentChildren } from 'preact';
import type { Loaded } from '../use-api.ts';

/** Loading and error states of a `useApi` result; the children render once the data is there. */
export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return <p class="error" role="alert">{loaded.error}</p>;
  if (loaded.data === null) return <p class="muted" aria-live="polite">Loading…</p>;
  return <>{children(loaded.data)}</>;
}

/** A message for a user action's outcome, announced to screen readers. */
export function Notice({ text, kind = 'info' }: { text: string | null; kind?: 'info' | 'error' }) {
  if (!text) return null;
  return (
    <p class={kind === 'error' ? 'error' : 'notice'} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  );
}
