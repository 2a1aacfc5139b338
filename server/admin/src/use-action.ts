import { useState } from 'preact/hooks';
import { errorText } from './api.ts';

export type ActionNotice = { text: string; kind: 'info' | 'error' } | null;

/**
 * The outcome of the owner's actions as one notice: `run` clears it, runs the action, then shows
 * `done` (or what `done` says of the action's result) or the error. It answers whether the
 * action succeeded, so the page can reload or move on.
 */
export function useAction() {
  const [notice, setNotice] = useState<ActionNotice>(null);
  async function run<T>(action: () => Promise<T>, done: string | ((result: T) => string)): Promise<boolean> {
    setNotice(null);
    try {
      const result = await action();
      setNotice({ text: typeof done === 'string' ? done : done(result), kind: 'info' });
      return true;
    } catch (error) {
      setNotice({ text: errorText(error), kind: 'error' });
      return false;
    }
  }
  return { notice, setNotice, run };
}
