/**
 * A small Redis client (RESP2 over one TCP or TLS socket) implementing BullMQ's IRedisClient, so
 * the queue runs without the optional `ioredis` peer dependency. One socket per client; BullMQ
 * duplicates clients for its blocking reads. No reconnection: when Redis goes away every pending
 * command fails with "Connection is closed." and the client ends (a worker then exits non-zero and
 * its supervisor restarts it; a coordinator run fails with that message).
 *
 * Replies keep ioredis's raw shapes (bulk → string, integer → number, nil → null, arrays as
 * arrays), except HGETALL → object, as BullMQ expects.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { Readable } from 'node:stream';
import type { IRedisClient, IRedisTransaction } from 'bullmq';
import { decodeReply, encodeCommand, RespReplyError, type Reply } from './resp-protocol.ts';

export interface RespClientOptions {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  readonly tls?: boolean;
  readonly connectionName?: string;
  /** BullMQ checks this is null on blocking connections */
  readonly maxRetriesPerRequest: null;
  readonly connectTimeoutMs?: number;
}

export const CONNECTION_CLOSED = 'Connection is closed.';

type Arg = string | number | Buffer;
type Transform = (reply: Reply) => unknown;
interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

const pairsToObject: Transform = (reply) => {
  const out: Record<string, string> = {};
  const list = (reply ?? []) as string[];
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
};

const optionArgs = (options: Record<string, number | boolean | undefined> | undefined, names: readonly string[]): Arg[] =>
  names.flatMap((n) => (options?.[n] === undefined || options[n] === false ? [] : options[n] === true ? [n] : [n, options[n] as number]));

export class RespClient extends EventEmitter implements IRedisClient {
  status = 'wait';
  readonly isCluster = false;
  options: RespClientOptions & Record<string, unknown>;
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly chunks: Buffer[] = [];
  private received = 0;
  /** bytes the next reply needs at least (from the last incomplete parse) */
  private need = 0;
  private readonly pending: Pending[] = [];
  private readonly queued: Array<{ args: Arg[]; pending: Pending }> = [];
  private readonly scripts = new Map<string, { sha: string; lua: string; keys: number }>();
  private readonly loadedShas = new Set<string>();
  private connecting: Promise<void> | undefined;

  constructor(options: RespClientOptions) {
    super();
    this.options = { ...options };
  }

  connect(): Promise<void> {
    this.connecting ??= new Promise<void>((resolve, reject) => {
      this.status = 'connecting';
      const { host, port } = this.options;
      const socket = this.options.tls === true ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
      this.socket = socket;
      socket.setNoDelay(true);
      const timer = setTimeout(() => socket.destroy(new Error(`no answer from Redis at ${host}:${port} within ${this.options.connectTimeoutMs ?? 10_000} ms`)), this.options.connectTimeoutMs ?? 10_000);
      socket.once(this.options.tls === true ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        void this.handshake().then(() => {
          this.status = 'ready';
          for (const q of this.queued.splice(0)) this.write(q.args, q.pending);
          this.emit('ready');
          resolve();
        }, (error: Error) => {
          socket.destroy(error);
          reject(error);
        });
      });
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', (error) => {
        clearTimeout(timer);
        if (this.status !== 'ready') reject(error);
        if (this.listenerCount('error') > 0) this.emit('error', error);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        reject(new Error(CONNECTION_CLOSED));
        this.end();
      });
    });
    return this.connecting;
  }

  private async handshake(): Promise<void> {
    const o = this.options;
    const direct = (...args: Arg[]) => new Promise<unknown>((resolve, reject) => this.write(args, { resolve, reject }));
    if (o.password !== undefined) await direct(...(o.username !== undefined ? ['AUTH', o.username, o.password] : ['AUTH', o.password]));
    if (o.db !== undefined && o.db !== 0) await direct('SELECT', o.db);
    if (o.connectionName !== undefined) await direct('CLIENT', 'SETNAME', o.connectionName);
  }

  private end(): void {
    if (this.status === 'end') return;
    this.status = 'end';
    const error = new Error(CONNECTION_CLOSED);
    for (const p of this.pending.splice(0)) p.reject(error);
    for (const q of this.queued.splice(0)) q.pending.reject(error);
    this.emit('close');
    this.emit('end');
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.received < this.need) return;
    this.buffer = this.buffer.length === 0 && this.chunks.length === 1 ? chunk : Buffer.concat([this.buffer, ...this.chunks]);
    this.chunks.length = 0;
    this.received = this.buffer.length;
    this.need = 0;
    let offset = 0;
    for (;;) {
      const decoded = decodeReply(this.buffer, offset);
      if ('need' in decoded) {
        this.need = decoded.need - offset;
        break;
      }
      offset = decoded.next;
      const p = this.pending.shift();
      if (p === undefined) continue;
      if (decoded.value instanceof RespReplyError) p.reject(decoded.value);
      else p.resolve(decoded.value);
    }
    this.buffer = offset === this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
    this.received = this.buffer.length;
  }

  private write(args: readonly Arg[], pending: Pending): void {
    this.pending.push(pending);
    this.socket?.write(encodeCommand(args));
  }

  /** Sends one command; waits for the connection when it is not ready yet. */
  call(...args: Arg[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const pending = { resolve, reject };
      if (this.status === 'ready') this.write(args, pending);
      else if (this.status === 'end') reject(new Error(CONNECTION_CLOSED));
      else {
        this.queued.push({ args, pending });
        if (this.status === 'wait') this.connect().catch(() => undefined);
      }
    });
  }

  private async typed<T>(args: Arg[], transform?: Transform): Promise<T> {
    const reply = (await this.call(...args)) as Reply;
    return (transform ? transform(reply) : reply) as T;
  }

  disconnect(): void {
    this.socket?.destroy();
    this.end();
  }

  async quit(): Promise<string> {
    if (this.status === 'end') return 'OK';
    const reply = this.status === 'ready' ? await this.typed<string>(['QUIT']).catch(() => 'OK') : 'OK';
    this.disconnect();
    return reply;
  }

  duplicate(override?: Partial<RespClientOptions>): RespClient {
    return new RespClient({ ...this.options, ...(override ?? {}) });
  }

  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void {
    this.scripts.set(name, { sha: createHash('sha1').update(definition.lua).digest('hex'), lua: definition.lua, keys: definition.numberOfKeys });
  }

  /** EVALSHA arguments of a defined script, loading it into the server first (once per client). */
  async scriptArgs(name: string, args: readonly unknown[]): Promise<Arg[]> {
    const script = this.scripts.get(name);
    if (script === undefined) throw new Error(`script ${name} is not defined`);
    if (!this.loadedShas.has(script.sha)) {
      await this.call('SCRIPT', 'LOAD', script.lua);
      this.loadedShas.add(script.sha);
    }
    return ['EVALSHA', script.sha, script.keys, ...(args.flat() as Arg[])];
  }

  async runCommand(name: string, args: unknown[]): Promise<unknown> {
    return this.call(...(await this.scriptArgs(name, args)));
  }

  multi(): IRedisTransaction {
    return new RespTransaction(this, true);
  }

  pipeline(): IRedisTransaction {
    return new RespTransaction(this, false);
  }

  hgetall(key: string): Promise<Record<string, string>> {
    return this.typed(['HGETALL', key], pairsToObject);
  }
  hget(key: string, field: string): Promise<string | null> {
    return this.typed(['HGET', key, field]);
  }
  hmget(key: string, ...fields: string[]): Promise<(string | null)[]> {
    return this.typed(['HMGET', key, ...fields]);
  }
  hset(key: string, data: Record<string, string | number>): Promise<number> {
    return this.typed(['HSET', key, ...Object.entries(data).flat()]);
  }
  hdel(key: string, ...fields: string[]): Promise<number> {
    return this.typed(['HDEL', key, ...fields]);
  }
  hexists(key: string, field: string): Promise<number> {
    return this.typed(['HEXISTS', key, field]);
  }
  get(key: string): Promise<string | null> {
    return this.typed(['GET', key]);
  }
  set(key: string, value: string | number, options?: { PX?: number; EX?: number }): Promise<string | null> {
    const expiry: Arg[] = options?.PX !== undefined ? ['PX', options.PX] : options?.EX !== undefined ? ['EX', options.EX] : [];
    return this.typed(['SET', key, value, ...expiry]);
  }
  del(...keys: string[]): Promise<number> {
    return this.typed(['DEL', ...keys]);
  }
  zrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }): Promise<string[]> {
    return this.typed(['ZRANGE', key, start, end, ...optionArgs(options, ['WITHSCORES'])]);
  }
  zrevrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }): Promise<string[]> {
    return this.typed(['ZREVRANGE', key, start, end, ...optionArgs(options, ['WITHSCORES'])]);
  }
  zcard(key: string): Promise<number> {
    return this.typed(['ZCARD', key]);
  }
  zscore(key: string, member: string): Promise<string | null> {
    return this.typed(['ZSCORE', key, member]);
  }
  lrange(key: string, start: number, end: number): Promise<string[]> {
    return this.typed(['LRANGE', key, start, end]);
  }
  llen(key: string): Promise<number> {
    return this.typed(['LLEN', key]);
  }
  ltrim(key: string, start: number, end: number): Promise<string> {
    return this.typed(['LTRIM', key, start, end]);
  }
  lpos(key: string, value: string): Promise<number | null> {
    return this.typed(['LPOS', key, value]);
  }
  smembers(key: string): Promise<string[]> {
    return this.typed(['SMEMBERS', key]);
  }
  xadd(key: string, id: string, fields: Record<string, string | number>, options?: { MAXLEN?: number; approximate?: boolean }): Promise<string> {
    const trim: Arg[] = options?.MAXLEN !== undefined ? ['MAXLEN', ...(options.approximate === false ? [] : ['~']), options.MAXLEN] : [];
    return this.typed(['XADD', key, ...trim, id, ...Object.entries(fields).flat()]);
  }
  xread(streams: { key: string; id: string }[], options?: { BLOCK?: number; COUNT?: number }): Promise<unknown> {
    return this.typed(['XREAD', ...optionArgs(options, ['BLOCK', 'COUNT']), 'STREAMS', ...streams.map((s) => s.key), ...streams.map((s) => s.id)]);
  }
  xtrim(key: string, strategy: 'MAXLEN', threshold: number, options?: { approximate?: boolean }): Promise<number> {
    return this.typed(['XTRIM', key, strategy, ...(options?.approximate === false ? [] : ['~']), threshold]);
  }
  bzpopmin(key: string, timeout: number): Promise<[key: string, member: string, score: string] | null> {
    return this.typed(['BZPOPMIN', key, timeout]);
  }
  info(): Promise<string> {
    return this.typed(['INFO']);
  }
  client(...args: Arg[]): Promise<unknown> {
    return this.call('CLIENT', ...args);
  }
  clientSetName(name: string): Promise<unknown> {
    this.options = { ...this.options, connectionName: name };
    return this.call('CLIENT', 'SETNAME', name);
  }
  clientList(): Promise<string> {
    return this.typed(['CLIENT', 'LIST']);
  }
  clientInfo(): Promise<string> {
    return this.typed(['CLIENT', 'INFO']);
  }
  scan(cursor: string | number, options: { MATCH?: string; COUNT?: number }): Promise<[string, string[]]> {
    const args: Arg[] = ['SCAN', cursor];
    if (options.MATCH !== undefined) args.push('MATCH', options.MATCH);
    if (options.COUNT !== undefined) args.push('COUNT', options.COUNT);
    return this.typed(args);
  }
  scanStream(options: { match: string; count?: number }): Readable {
    const scan = (cursor: string) => this.scan(cursor, { MATCH: options.match, ...(options.count !== undefined ? { COUNT: options.count } : {}) });
    return Readable.from(
      (async function* batches() {
        let cursor = '0';
        do {
          const [next, keys] = await scan(cursor);
          cursor = next;
          if (keys.length > 0) yield keys;
        } while (cursor !== '0');
      })(),
    );
  }
}

/** MULTI/EXEC (multi) or a plain pipeline: queued commands sent together, results as [error, value] pairs. */
class RespTransaction implements IRedisTransaction {
  private readonly commands: Array<{ args: () => Promise<Arg[]>; transform?: Transform }> = [];
  constructor(
    private readonly client: RespClient,
    private readonly atomic: boolean,
  ) {}

  private add(args: Arg[], transform?: Transform): this {
    this.commands.push({ args: async () => args, ...(transform ? { transform } : {}) });
    return this;
  }
  hgetall(key: string): this {
    return this.add(['HGETALL', key], pairsToObject);
  }
  hset(key: string, data: Record<string, string | number>): this {
    return this.add(['HSET', key, ...Object.entries(data).flat()]);
  }
  hscan(key: string, cursor: string | number, options?: { COUNT?: number }): this {
    return this.add(['HSCAN', key, cursor, ...optionArgs(options, ['COUNT'])]);
  }
  smembers(key: string): this {
    return this.add(['SMEMBERS', key]);
  }
  sscan(key: string, cursor: string | number, options?: { COUNT?: number }): this {
    return this.add(['SSCAN', key, cursor, ...optionArgs(options, ['COUNT'])]);
  }
  zrange(key: string, start: number, end: number): this {
    return this.add(['ZRANGE', key, start, end]);
  }
  lrange(key: string, start: number, end: number): this {
    return this.add(['LRANGE', key, start, end]);
  }
  llen(key: string): this {
    return this.add(['LLEN', key]);
  }
  del(...keys: string[]): this {
    return this.add(['DEL', ...keys]);
  }
  runCommand(name: string, args: unknown[]): this {
    this.commands.push({ args: () => this.client.scriptArgs(name, args) });
    return this;
  }

  async exec(): Promise<[Error | null, unknown][] | null> {
    const all = await Promise.all(this.commands.map((c) => c.args()));
    const settle = (p: Promise<unknown>) => p.then((v) => [null, v] as [null, unknown], (e: Error) => [e, null] as [Error, null]);
    if (!this.atomic) {
      const replies = await Promise.all(all.map((args) => settle(this.client.call(...args))));
      return replies.map(([e, v], i) => [e, e === null && this.commands[i]!.transform ? this.commands[i]!.transform!(v as Reply) : v]);
    }
    const multi = this.client.call('MULTI');
    const queued = all.map((args) => settle(this.client.call(...args)));
    const exec = this.client.call('EXEC');
    await multi;
    await Promise.all(queued);
    const results = (await exec) as Reply[] | null;
    if (results === null) return null;
    return results.map((v, i) => (v instanceof RespReplyError ? [v, null] : [null, this.commands[i]!.transform ? this.commands[i]!.transform!(v) : v]));
  }
}
