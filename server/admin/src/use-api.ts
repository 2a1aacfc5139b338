import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** The HTTP status of a failed load (404: the endpoint or the item does not exist). */
  status: number | null;
  loading: boolean;
  reload(): void;
}

/** GETs `path` whenever it changes (null: nothing to load), and again on `reload()`. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; status: number | null; loading: boolean }>({
    data: null,
    error: null,
    status: null,
    loading: path !== null,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    api<T>('GET', path).then(
      (data) => current && setState({ data, error: null, status: 200, loading: false }),
      (error: unknown) =>
        current && setState({ data: null, error: errorText(error), status: (error as { status?: number }).status ?? null, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { ...state, reload };
}
