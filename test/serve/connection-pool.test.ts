/** The served explorer's connection pool: never more tasks at once than connections, first come first served, a connection back after a failure, an unwanted task not run. */
import { describe, expect, it } from 'vitest';
import { createConnectionPool, TaskNotWanted } from '../../src/serve/connection-pool.ts';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

describe('createConnectionPool', () => {
  it('lends each connection to one task at a time, in the order asked, and takes it back after a failure', async () => {
    const pool = createConnectionPool(['a', 'b']);
    const busy = new Set<string>();
    let most = 0;
    const order: number[] = [];
    const task = (k: number, fail = false) => pool.use(async (conn) => {
      expect(busy.has(conn)).toBe(false);
      busy.add(conn);
      most = Math.max(most, busy.size);
      order.push(k);
      await tick();
      busy.delete(conn);
      if (fail) throw new Error(`task ${k}`);
      return conn;
    });
    const results = await Promise.allSettled([task(1), task(2, true), task(3), task(4), task(5)]);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('does not run a task no longer wanted by its turn, and lends its connection on', async () => {
    const pool = createConnectionPool(['only']);
    let wanted = true;
    const ran: string[] = [];
    const first = pool.use(async () => {
      await tick();
      wanted = false;
      ran.push('first');
    });
    const gone = pool.use(async () => { ran.push('gone'); }, () => wanted);
    const next = pool.use(async (conn) => { ran.push(conn); });
    await first;
    await expect(gone).rejects.toBeInstanceOf(TaskNotWanted);
    await next;
    expect(ran).toEqual(['first', 'only']);
  });
});
