/**
 * A fixed set of connections lent one task at a time, first come first served: `ecoute serve` answers a page and
 * the page's derived charts at once instead of one after the other (each task keeps its connection to the end, so
 * a streamed result is never interleaved with another query). A task whose requester has gone by its turn
 * (`wanted()` false) is not run: it fails with TaskNotWanted.
 *
 * **Example:**
 * ```ts
 * const pool = createConnectionPool([a, b]);
 * const rows = await pool.use((conn) => conn.runAndReadAll('SELECT 1'), () => !res.destroyed);
 * ```
 */
export class TaskNotWanted extends Error {}

export interface ConnectionPool<C> {
  use<T>(task: (conn: C) => Promise<T>, wanted?: () => boolean): Promise<T>;
}

export function createConnectionPool<C>(connections: readonly C[]): ConnectionPool<C> {
  const free = [...connections];
  const waiting: Array<(conn: C) => void> = [];
  const release = (conn: C): void => {
    const next = waiting.shift();
    if (next === undefined) free.push(conn);
    else next(conn);
  };
  return {
    async use(task, wanted = () => true) {
      const conn = free.shift() ?? (await new Promise<C>((lend) => waiting.push(lend)));
      try {
        if (!wanted()) throw new TaskNotWanted();
        return await task(conn);
      } finally {
        release(conn);
      }
    },
  };
}
