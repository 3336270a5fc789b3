// The embed page's poll (emulator/README.md#frame): Metabase's frontend checks its URL and its
// frame size every 100 ms and tells the parent only what changed. Pure, DOM-free: the reads and
// the posting are given.

/** Metabase polls: history events alone miss some URL changes. */
export const POLL_MS = 100;

/** One thing the poll watches: how to read it, what tells two readings apart, how to post it. */
export interface Watched<T> {
  read(): T;
  key(value: T): string;
  post(value: T): void;
}

/**
 * Every POLL_MS, reads each watched thing and posts it when its key differs from the one last
 * posted (the first reading is always posted). Returns a function that stops the poll.
 */
export function pollChanges<T extends unknown[]>(watched: {[K in keyof T]: Watched<T[K]>}): () => void {
  const items = watched as ReadonlyArray<Watched<unknown>>;
  const lastKeys = new Map<Watched<unknown>, string>();
  const timer = setInterval(() => {
    for (const item of items) {
      const value = item.read();
      const key = item.key(value);
      if (lastKeys.get(item) === key) continue;
      lastKeys.set(item, key);
      item.post(value);
    }
  }, POLL_MS);
  return () => clearInterval(timer);
}
