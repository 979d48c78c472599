/** Whether a file or folder exists (any error of `stat`, such as ENOENT, counts as absent). */
import { stat } from 'node:fs/promises';

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
