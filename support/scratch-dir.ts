// Throwaway folders that browsers write into (profiles, XDG caches). A GPU or web process
// can outlive its browser by a moment and still write its shader cache there, so removing
// the folder can fail with ENOTEMPTY (a plain rmSync did in 18 of 20 tries against a writer
// still at work). By then the tests' results are known: what cannot be removed stays in the
// system's temp folder, with a warning, and never fails a run.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** A new folder under the system's temp folder, named `metabase-embed-<label>-…`. */
export function makeScratchDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `metabase-embed-${label}-`));
}

/** Removes `dir` and all in it; if a late writer keeps it from going, warns and leaves it. */
export function removeScratchDir(dir: string): void {
  try {
    rmSync(dir, {recursive: true, force: true, maxRetries: 5, retryDelay: 100});
  } catch (error) {
    console.warn(`Left ${dir} in place: ${error instanceof Error ? error.message : String(error)}`);
  }
}
