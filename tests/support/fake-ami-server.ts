import { createServer, type Server, type Socket } from 'node:net';

/**
 * A scriptable fake Asterisk Manager Interface over real TCP on 127.0.0.1, for unit tests.
 *
 * It greets like Asterisk, answers Login / Ping / Logoff itself (a wrong secret gets
 * `Authentication failed` and the socket is closed, as Asterisk does), records every byte
 * and every action it receives, and lets a test send any frame, split a frame into chunks,
 * drop connections, or go silent (read but never answer) to simulate a half-open socket.
 * Its action parser is deliberately separate from the product's parser.
 */

export interface FakeAmiAction {
  /** The `Action` header value as sent. */
  readonly name: string;
  readonly actionId: string | undefined;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly raw: string;
  /** First value of a header, case-insensitive. */
  get(key: string): string | undefined;
  getAll(key: string): string[];
}

/** Return true when the action was answered; otherwise the default behaviour applies. */
export type FakeAmiHandler = (
  action: FakeAmiAction,
  connection: FakeAmiConnection,
) => boolean | undefined | void;

export interface FakeAmiServerOptions {
  readonly username?: string;
  readonly secret?: string;
  /** Default `Asterisk Call Manager/11.0.0` (Asterisk 22). */
  readonly greeting?: string;
  readonly onAction?: FakeAmiHandler;
}

export type FakeFrame = Readonly<Record<string, string | readonly string[]>>;

/** Serializes headers as one AMI frame (CRLF lines, blank line at the end). */
export function amiFrame(headers: FakeFrame): string {
  let out = '';
  for (const [key, value] of Object.entries(headers)) {
    for (const v of typeof value === 'string' ? [value] : value) out += `${key}: ${v}\r\n`;
  }
  return `${out}\r\n`;
}

export class FakeAmiConnection {
  readonly actions: FakeAmiAction[] = [];
  authenticated = false;
  readonly #socket: Socket;
  readonly #chunks: Buffer[] = [];
  #pendingText = '';
  #closed = false;

  constructor(
    readonly id: number,
    socket: Socket,
    private readonly onActionReceived: (action: FakeAmiAction, c: FakeAmiConnection) => void,
  ) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#closed = true;
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  get receivedBytes(): number {
    return this.#chunks.reduce((n, c) => n + c.length, 0);
  }

  get receivedText(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }

  send(text: string | Buffer): void {
    if (!this.#closed) this.#socket.write(text);
  }

  sendFrame(headers: FakeFrame): void {
    this.send(amiFrame(headers));
  }

  /** Answers an action with the given headers after `Response` and the action's ActionID. */
  respond(action: FakeAmiAction, response: string, headers: FakeFrame = {}): void {
    const withId: Record<string, string | readonly string[]> = { Response: response };
    if (action.actionId !== undefined) withId['ActionID'] = action.actionId;
    this.sendFrame({ ...withId, ...headers });
  }

  /** Writes the text in pieces of `chunkSize` bytes, each in its own socket write and tick. */
  async sendInChunks(text: string | Buffer, chunkSize: number): Promise<void> {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    for (let i = 0; i < bytes.length && !this.#closed; i += chunkSize) {
      this.#socket.write(bytes.subarray(i, i + chunkSize));
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
    }
  }

  /** Closes like a crashed PBX or a cut cable seen by the client: no Goodbye. */
  drop(): void {
    this.#socket.destroy();
  }

  end(): void {
    this.#socket.end();
  }

  #receive(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#pendingText += chunk.toString('utf8');
    let end = this.#pendingText.indexOf('\r\n\r\n');
    while (end !== -1) {
      const raw = this.#pendingText.slice(0, end);
      this.#pendingText = this.#pendingText.slice(end + 4);
      this.onActionReceived(parseAction(raw), this);
      end = this.#pendingText.indexOf('\r\n\r\n');
    }
  }
}

interface ActionWaiter {
  readonly match: (action: FakeAmiAction, connection: FakeAmiConnection) => boolean;
  readonly resolve: (value: { action: FakeAmiAction; connection: FakeAmiConnection }) => void;
}

export class FakeAmiServer {
  readonly connections: FakeAmiConnection[] = [];
  /** While true the server reads and records but answers nothing (a half-open peer). */
  silent = false;
  username: string;
  secret: string;
  onAction: FakeAmiHandler | undefined;
  readonly #server: Server;
  readonly #greeting: string;
  readonly #sockets = new Set<Socket>();
  #waiters: ActionWaiter[] = [];
  #port = 0;

  private constructor(options: FakeAmiServerOptions) {
    this.username = options.username ?? 'helper';
    this.secret = options.secret ?? 'secret';
    this.#greeting = options.greeting ?? 'Asterisk Call Manager/11.0.0';
    this.onAction = options.onAction;
    this.#server = createServer((socket) => this.#accept(socket));
  }

  static async start(options: FakeAmiServerOptions = {}): Promise<FakeAmiServer> {
    const server = new FakeAmiServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', reject);
      server.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.#server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    server.#port = address.port;
    return server;
  }

  get port(): number {
    return this.#port;
  }

  /** The most recently accepted connection. */
  get latest(): FakeAmiConnection | undefined {
    return this.connections[this.connections.length - 1];
  }

  get totalReceivedBytes(): number {
    return this.connections.reduce((n, c) => n + c.receivedBytes, 0);
  }

  /** All actions received so far, on every connection, in arrival order per connection. */
  allActions(): FakeAmiAction[] {
    return this.connections.flatMap((c) => c.actions);
  }

  /** Sends a frame to every open, logged-in connection. */
  broadcast(headers: FakeFrame): void {
    for (const c of this.connections) if (c.authenticated && !c.closed) c.sendFrame(headers);
  }

  dropAll(): void {
    for (const socket of this.#sockets) socket.destroy();
  }

  waitForAction(
    name: string,
    options: { timeoutMs?: number; after?: number } = {},
  ): Promise<{ action: FakeAmiAction; connection: FakeAmiConnection }> {
    const lower = name.toLowerCase();
    const after = options.after ?? 0;
    let seen = 0;
    const match = (action: FakeAmiAction): boolean => {
      if (action.name.toLowerCase() !== lower) return false;
      seen += 1;
      return seen > after;
    };
    for (const connection of this.connections) {
      for (const action of connection.actions) {
        if (match(action)) return Promise.resolve({ action, connection });
      }
    }
    return this.#waitFor(match, options.timeoutMs ?? 5_000, `action ${name}`);
  }

  async waitForConnections(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.connections.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} connections, saw ${this.connections.length}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #waitFor(
    match: ActionWaiter['match'],
    timeoutMs: number,
    what: string,
  ): Promise<{ action: FakeAmiAction; connection: FakeAmiConnection }> {
    return new Promise((resolve, reject) => {
      const waiter: ActionWaiter = {
        match,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`fake AMI server: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  #accept(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    const connection = new FakeAmiConnection(this.connections.length + 1, socket, (a, c) =>
      this.#onAction(a, c),
    );
    this.connections.push(connection);
    if (!this.silent) socket.write(`${this.#greeting}\r\n`);
  }

  #onAction(action: FakeAmiAction, connection: FakeAmiConnection): void {
    connection.actions.push(action);
    for (const waiter of [...this.#waiters]) {
      if (waiter.match(action, connection)) {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        waiter.resolve({ action, connection });
      }
    }
    if (this.silent) return;
    if (this.onAction?.(action, connection) === true) return;
    this.#defaultAnswer(action, connection);
  }

  #defaultAnswer(action: FakeAmiAction, connection: FakeAmiConnection): void {
    switch (action.name.toLowerCase()) {
      case 'login':
        if (action.get('Username') === this.username && action.get('Secret') === this.secret) {
          connection.authenticated = true;
          connection.respond(action, 'Success', { Message: 'Authentication accepted' });
        } else {
          connection.respond(action, 'Error', { Message: 'Authentication failed' });
          connection.end();
        }
        return;
      case 'logoff':
        connection.respond(action, 'Goodbye', { Message: 'Thanks for all the fish.' });
        connection.end();
        return;
      case 'ping':
        connection.respond(action, 'Success', { Ping: 'Pong', Timestamp: '1718000000.000000' });
        return;
      default:
        connection.respond(action, 'Error', { Message: 'Invalid/unknown command' });
    }
  }
}

function parseAction(raw: string): FakeAmiAction {
  const headers: Array<readonly [string, string]> = [];
  for (const line of raw.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon), line.slice(colon + 1).trimStart()]);
  }
  const getAll = (key: string): string[] =>
    headers.filter(([k]) => k.toLowerCase() === key.toLowerCase()).map(([, v]) => v);
  const get = (key: string): string | undefined => getAll(key)[0];
  return { name: get('Action') ?? '', actionId: get('ActionID'), headers, raw, get, getAll };
}
