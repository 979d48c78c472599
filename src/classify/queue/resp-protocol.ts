/**
 * RESP2, the Redis wire protocol: commands are arrays of bulk strings; replies are simple strings,
 * errors, integers, bulk strings (null when absent) and arrays (nested).
 *
 * **Example:**
 * ```ts
 * encodeCommand(['GET', 'k']).toString(); // '*2\r\n$3\r\nGET\r\n$1\r\nk\r\n'
 * decodeReply(Buffer.from(':42\r\n'), 0); // { value: 42, next: 5 }
 * decodeReply(Buffer.from('$5\r\nhel'), 0); // { need: 10 } (incomplete: wait for 10 bytes)
 * ```
 */

/** An error reply of the server (e.g. "NOSCRIPT ..."), kept as a value inside arrays. */
export class RespReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplyError';
  }
}

export type Reply = string | number | null | RespReplyError | Reply[];

const CRLF = Buffer.from('\r\n');

/** Arguments as ioredis sends them: Buffers raw, null and undefined as empty strings, the rest as String(). */
export function encodeCommand(args: ReadonlyArray<unknown>): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const bytes = Buffer.isBuffer(a) ? a : a instanceof Uint8Array ? Buffer.from(a) : Buffer.from(a === null || a === undefined ? '' : String(a));
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, CRLF);
  }
  return Buffer.concat(parts);
}

/**
 * One reply starting at `offset`, or `{ need }` when the buffer does not hold all of it yet: `need` is
 * a lower bound of the buffer length that might, so a large reply is not re-parsed on every packet.
 */
export function decodeReply(buf: Buffer, offset: number): { value: Reply; next: number } | { need: number } {
  const eol = buf.indexOf(CRLF, offset);
  if (eol === -1) return { need: buf.length + 1 };
  const type = String.fromCharCode(buf[offset]!);
  const line = buf.toString('utf8', offset + 1, eol);
  const after = eol + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-':
      return { value: new RespReplyError(line), next: after };
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next: after };
      if (buf.length < after + length + 2) return { need: after + length + 2 };
      return { value: buf.toString('utf8', after, after + length), next: after + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next: after };
      const items: Reply[] = [];
      let next = after;
      for (let i = 0; i < count; i++) {
        const item = decodeReply(buf, next);
        if ('need' in item) return item;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new Error(`unexpected reply type "${type}" from Redis`);
  }
}
