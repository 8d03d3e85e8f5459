/** A worker's workflow cache may still grow by this share between two samples and count as full. */
const CACHE_SETTLED_GROWTH = 0.01;

/**
 * Whether the warm-up is over: its minimum time has passed and every worker's workflow cache has
 * stopped growing since the previous sample (it is full, or holds every open dossier). A cache
 * still filling grows the worker by its workflows' memory, which is the cache's bound at work, not
 * a leak; the memory goal compares the end with a moment after it. The warm-up ends at `maxSeconds`
 * regardless, so a run whose caches never settle still measures something, and says so.
 */
export function warmUpOver(args: {
  elapsedSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  /** Each worker's cached workflows at the previous sample and now, in the same order; undefined where unread. */
  previous: (number | undefined)[];
  current: (number | undefined)[];
}): { over: boolean; cachesSettled: boolean } {
  const cachesSettled =
    args.current.length === args.previous.length &&
    args.current.every((now, i) => {
      const before = args.previous[i];
      return now !== undefined && before !== undefined && now <= before * (1 + CACHE_SETTLED_GROWTH);
    });
  if (args.elapsedSeconds < args.minSeconds) return { over: false, cachesSettled };
  return { over: cachesSettled || args.elapsedSeconds >= args.maxSeconds, cachesSettled };
}
