/** A model download that failed: offline, HTTP error, cut for good, or files not matching the hub's listing. */
export class PullError extends Error {
  constructor(
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PullError';
  }
}
