/** Messages of `ecoute models …`, in one place so tests compare against the builders. */
export const modelMessages = {
  offline: (base: string, cause: string) =>
    `cannot reach ${base} (${cause}): this machine looks offline or the hub is blocked. ` +
    'On a connected machine run `ecoute models pull <id>`, then copy the folder here and run `ecoute models add <dir>`.',
  timeout: (url: string, ms: number) => `no answer from ${url} within ${ms} ms: giving up (offline or blocked network?)`,
  httpError: (url: string, status: number) =>
    status === 401 || status === 403 || status === 404
      ? `${url}: HTTP ${status}: model or file not found, private or gated (check the id and revision)`
      : `${url}: HTTP ${status}`,
  noOnnx: (id: string, tried: readonly string[]) => `${id}: none of ${tried.join(', ')} exists on the hub; this model has no ONNX export`,
  badHubId: (id: string) => `"${id}" is not a hub model id (expected owner/name)`,
  targetExists: (dir: string) => `${dir} already exists; pass replace: true (--force) to overwrite it`,
  partial: (url: string, got: number, total: number | undefined, attempts: number) =>
    `${url}: download incomplete after ${attempts} attempt${attempts === 1 ? '' : 's'} (${got} of ${total ?? 'an unknown number of'} bytes); nothing was installed`,
  sizeMismatch: (url: string, announced: number, listed: number) => `${url}: the server announces ${announced} bytes, the hub lists ${listed}; nothing was installed`,
  checksumMismatch: (url: string, got: string, listed: string) => `${url}: SHA-256 ${got} does not match the hub's ${listed}; nothing was installed`,
  resuming: (url: string, have: number, total: number | undefined) => `${url}: connection cut at ${have}${total !== undefined ? ` of ${total}` : ''} bytes; resuming`,
  badListing: (url: string, problem: string) => `${url}: not a hub file listing (${problem})`,
} as const;
