/**
 * The hub's file list of a model at a revision: GET <endpoint>/api/models/<id>/revision/<rev>?blobs=true
 * answers the commit and every file with its size and, for files kept in LFS (the weights), their
 * SHA-256. A mirror without this API (404) gives no listing: files are then tried by name and
 * checked against their Content-Length only.
 *
 * **Example:**
 * ```ts
 * parseHubListing({ sha: 'abc', siblings: [{ rfilename: 'onnx/model.onnx', size: 10, lfs: { sha256: 'e3b0…', size: 10 } }] });
 * // { commit: 'abc', files: Map { 'onnx/model.onnx' => { size: 10, sha256: 'e3b0…' } } }
 * ```
 */
import { z } from 'zod';

export interface ExpectedFile {
  readonly size?: number;
  readonly sha256?: string;
}

export interface HubListing {
  readonly commit?: string;
  readonly files: ReadonlyMap<string, ExpectedFile>;
}

const listingSchema = z.object({
  sha: z.string().optional(),
  siblings: z.array(
    z.object({
      rfilename: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      lfs: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative().optional() }).optional(),
    }),
  ),
});

/** The listing, or the problem with it (a mirror answering something else than the hub's JSON). */
export function parseHubListing(json: unknown): HubListing | { problem: string } {
  const r = listingSchema.safeParse(json);
  if (!r.success) return { problem: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).slice(0, 3).join('; ') };
  const files = new Map<string, ExpectedFile>();
  for (const s of r.data.siblings) {
    const size = s.lfs?.size ?? s.size;
    files.set(s.rfilename, { ...(size !== undefined ? { size } : {}), ...(s.lfs !== undefined ? { sha256: s.lfs.sha256 } : {}) });
  }
  return { ...(r.data.sha !== undefined ? { commit: r.data.sha } : {}), files };
}
