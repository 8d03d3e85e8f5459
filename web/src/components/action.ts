import { createSignal } from 'solid-js';
import { ApiError, isStale } from '../api.js';
import { announceStale } from './stale-notice.js';

/**
 * One write the user starts (a form submit, a button): whether it is running, and the API's
 * refusal if it failed, kept whole so the page can show its message and per-field problems.
 * When the refusal is that someone else changed the thing meanwhile (412), `onStale` reloads it,
 * so the person sees the API's message over what is now saved and can make their change again.
 */
export function createAction<A extends unknown[]>(fn: (...args: A) => Promise<void>, options: { onStale?: () => void } = {}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const run = async (...args: A): Promise<boolean> => {
    setBusy(true);
    setError(null);
    announceStale(null);
    try {
      await fn(...args);
      return true;
    } catch (failure) {
      setError(failure);
      if (isStale(failure)) {
        announceStale(failure);
        options.onStale?.();
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  const problem = (field: string) => {
    const e = error();
    return e instanceof ApiError ? e.fieldProblem(field) : undefined;
  };
  return { busy, error, run, problem };
}

/** The submitted form's fields as strings, untouched: the API trims and validates them. */
export function formValues(event: SubmitEvent): Record<string, string> {
  event.preventDefault();
  const values: Record<string, string> = {};
  new FormData(event.currentTarget as HTMLFormElement).forEach((value, key) => {
    if (typeof value === 'string') values[key] = value;
  });
  return values;
}
