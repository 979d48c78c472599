/**
 * Child process: a second DuckDB session on a published database, opened read-write through the
 * path a user would use. `delete`: removes the detractors with automatic checkpoints off (the change
 * lives in the write-ahead log), prints `held <rows left>` and stays open until killed. `create`:
 * creates a table and closes cleanly (the change is checkpointed into the file), prints `closed`.
 * `readwrite` / `readonly`: opens the file and prints `opened` or `refused: <message>`.
 * Usage: node --import tsx hold-session.ts <database> <mode>
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [file, mode] = process.argv.slice(2) as [string, string];
try {
  const instance = await DuckDBInstance.create(file, mode === 'readonly' ? { access_mode: 'READ_ONLY' } : {});
  const conn = await instance.connect();
  if (mode === 'delete') {
    await conn.run("SET checkpoint_threshold = '1GB'");
    await conn.run('DELETE FROM responses WHERE nps <= 6');
    const left = (await conn.runAndReadAll('SELECT count(*) FROM responses')).getRows()[0]?.[0];
    process.stdout.write(`held ${String(left)}\n`);
    // the timer keeps the process alive and holds the session: without a reference to them, the
    // garbage collector may finalise the instance, which closes it and checkpoints the log into the file
    setInterval(() => void [instance, conn], 60_000);
  } else if (mode === 'create') {
    await conn.run('CREATE TABLE foreign_table AS SELECT 42 AS answer');
    conn.closeSync();
    instance.closeSync();
    process.stdout.write('closed\n');
  } else {
    conn.closeSync();
    instance.closeSync();
    process.stdout.write('opened\n');
  }
} catch (e) {
  process.stdout.write(`refused: ${(e as Error).message.split('\n')[0]}\n`);
}
