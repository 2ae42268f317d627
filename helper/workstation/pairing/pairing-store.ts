import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { PairingCodeError, UnknownPairingError } from './errors';
import { withFileLock } from './file-lock';
import type { ClientLabel, IssuedToken, PairedClient, PairingAuthority } from './pairing-authority';
import {
  generatePairingCode,
  hashPairingCode,
  newCodeSalt,
  pairingCodeMatches,
  retryDelayAfter,
} from './pairing-code';
import { ManagedPairingVerifier, type ManagedProof } from './managed-pairing';
import { ensureStateDir, readPairingState, writePairingState } from './pairing-file';
import type { OriginThrottle, PendingCode, PairingState, TokenRecord } from './pairing-state';
import { generatePairingId, generatePairingToken, hashPairingToken } from './pairing-token';

export const PAIRING_FILE_NAME = 'pairing.json';
export const DEFAULT_CODE_TTL_MS = 10 * 60_000;

/** Last-seen times are advisory; rewriting the file on every reconnect is not worth it. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Origins whose wrong codes are remembered per pending code; the oldest are forgotten. */
const MAX_THROTTLED_ORIGINS = 64;

export interface PairingStoreOptions {
  /** Directory holding the state file; created (mode 0700) when missing. */
  stateDir: string;
  /** The office's managed-pairing secret (`websocket.pairingSecret`); empty or absent: off. */
  managedSecret?: string;
  now?: () => number;
}

export interface PairingCode {
  code: string;
  expiresAt: number;
  ttlMs: number;
}

type Mutation<T> = { state: PairingState; changed: boolean; result: T };

function toPairedClient(record: TokenRecord): PairedClient {
  const client: PairedClient = {
    id: record.id,
    label: { ...record.label },
    createdAt: record.createdAt,
  };
  if (record.origin !== undefined) client.origin = record.origin;
  if (record.lastSeenAt !== undefined) client.lastSeenAt = record.lastSeenAt;
  if (record.via !== undefined) client.via = record.via;
  return client;
}

/** The pending code with one more wrong code from `origin`, and when it may try again. */
function withFailure(
  pending: PendingCode,
  origin: string,
  now: number,
): { pending: PendingCode; retryAt: number } {
  const others = (pending.throttled ?? []).filter((entry) => entry.origin !== origin);
  const failures = ((pending.throttled ?? []).find((e) => e.origin === origin)?.failures ?? 0) + 1;
  const entry: OriginThrottle = { origin, failures, retryAt: now + retryDelayAfter(failures) };
  const throttled = [...others, entry].slice(-MAX_THROTTLED_ORIGINS);
  const { failedAttempts: _legacy, ...rest } = pending;
  return { pending: { ...rest, throttled }, retryAt: entry.retryAt };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function clip(text: string): string {
  return text.slice(0, 64);
}

function newToken(
  client: ClientLabel,
  origin: string,
  now: number,
): { record: TokenRecord; token: string } {
  const token = generatePairingToken();
  const record: TokenRecord = {
    id: generatePairingId(),
    hash: hashPairingToken(token),
    label: {
      name: clip(client.name),
      browser: clip(client.browser),
      version: clip(client.version),
    },
    origin,
    createdAt: now,
  };
  return { record, token };
}

/**
 * Pairing tokens and the pending pairing code, kept in one JSON file that
 * several processes share: every operation reads the file afresh under a lock
 * file, so a code created by `courier-helper pair` is redeemable by the running helper
 * and a revocation takes effect at the next `hello`.
 */
export class PairingStore implements PairingAuthority {
  readonly path: string;
  private readonly lockPath: string;
  private readonly now: () => number;
  private readonly managed: ManagedPairingVerifier;
  /** Serialises this instance's own operations; the lock file covers other processes. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PairingStoreOptions) {
    this.path = join(options.stateDir, PAIRING_FILE_NAME);
    this.lockPath = `${this.path}.lock`;
    this.now = options.now ?? Date.now;
    this.managed = new ManagedPairingVerifier(options.managedSecret ?? '', this.now);
  }

  /** Replaces any pending code; the plain code is returned once and never stored. */
  async createPairingCode(options: { ttlMs?: number } = {}): Promise<PairingCode> {
    const ttlMs = options.ttlMs ?? DEFAULT_CODE_TTL_MS;
    const code = generatePairingCode();
    return this.mutate((state) => {
      const salt = newCodeSalt();
      const createdAt = this.now();
      const expiresAt = createdAt + ttlMs;
      return {
        state: {
          ...state,
          pendingCode: { salt, hash: hashPairingCode(code, salt), createdAt, expiresAt },
        },
        changed: true,
        result: { code, expiresAt, ttlMs },
      };
    });
  }

  async redeem(code: string, client: ClientLabel, origin: string): Promise<IssuedToken> {
    const outcome = await this.mutate<IssuedToken | PairingCodeError>((state) => {
      const pending = state.pendingCode;
      if (!pending) {
        return { state, changed: false, result: new PairingCodeError('none-pending') };
      }
      const withoutCode: PairingState = { version: state.version, tokens: state.tokens };
      const now = this.now();
      if (now >= pending.expiresAt) {
        return { state: withoutCode, changed: true, result: new PairingCodeError('expired') };
      }
      // An origin that guessed wrong waits before its next try; the code itself stays valid,
      // so an extension guessing cannot lock out the user who has the right code.
      const throttle = pending.throttled?.find((entry) => entry.origin === origin);
      if (throttle !== undefined && now < throttle.retryAt) {
        return {
          state,
          changed: false,
          result: new PairingCodeError('throttled', throttle.retryAt - now),
        };
      }
      if (!pairingCodeMatches(code, pending.salt, pending.hash)) {
        const failed = withFailure(pending, origin, now);
        return {
          state: { ...state, pendingCode: failed.pending },
          changed: true,
          result: new PairingCodeError('wrong-code', failed.retryAt - now),
        };
      }
      const { record, token } = newToken(client, origin, now);
      return {
        state: { ...withoutCode, tokens: [...state.tokens, record] },
        changed: true,
        result: { id: record.id, token },
      };
    });
    if (outcome instanceof PairingCodeError) throw outcome;
    return outcome;
  }

  async pairManaged(
    proof: ManagedProof,
    client: ClientLabel,
    origin: string,
  ): Promise<IssuedToken> {
    this.managed.check(proof, origin);
    return this.mutate((state) => {
      const { record, token } = newToken(client, origin, this.now());
      record.via = 'policy';
      // The extension pairs this way whenever it has lost its token (reinstalled, storage
      // cleared); the token it lost goes, so the file does not grow with every reinstall.
      const kept = state.tokens.filter((t) => !(t.via === 'policy' && t.origin === origin));
      return {
        state: { ...state, tokens: [...kept, record] },
        changed: true,
        result: { id: record.id, token },
      };
    });
  }

  async verify(token: string, origin: string): Promise<PairedClient | null> {
    const hash = hashPairingToken(token);
    return this.mutate((state) => {
      const index = state.tokens.findIndex((record) => sameHash(record.hash, hash));
      const record = state.tokens[index];
      if (!record) return { state, changed: false, result: null };
      // A token works only from the origin that redeemed the code: another extension that
      // read it somewhere cannot replay it.
      if (record.origin !== undefined && record.origin !== origin) {
        return { state, changed: false, result: null };
      }
      const now = this.now();
      const seenRecently =
        record.lastSeenAt !== undefined && now - record.lastSeenAt < LAST_SEEN_RESOLUTION_MS;
      if (seenRecently && record.origin !== undefined) {
        return { state, changed: false, result: toPairedClient(record) };
      }
      // A token from before origins were bound is bound to the first origin that uses it.
      const updated: TokenRecord = { ...record, origin, lastSeenAt: now };
      const tokens = state.tokens.slice();
      tokens[index] = updated;
      return { state: { ...state, tokens }, changed: true, result: toPairedClient(updated) };
    });
  }

  /** Revokes one pairing by id, or every pairing with `'all'`; returns how many. */
  async revoke(idOrAll: string): Promise<number> {
    return this.mutate((state) => {
      if (idOrAll === 'all') {
        return { state: { ...state, tokens: [] }, changed: true, result: state.tokens.length };
      }
      const tokens = state.tokens.filter((record) => record.id !== idOrAll);
      if (tokens.length === state.tokens.length) throw new UnknownPairingError(idOrAll);
      return { state: { ...state, tokens }, changed: true, result: 1 };
    });
  }

  async list(): Promise<PairedClient[]> {
    const state = await readPairingState(this.path);
    return state.tokens.map(toPairedClient);
  }

  private mutate<T>(change: (state: PairingState) => Mutation<T>): Promise<T> {
    const run = async () => {
      await ensureStateDir(this.options.stateDir);
      return withFileLock(this.lockPath, async () => {
        const { state, changed, result } = change(await readPairingState(this.path));
        if (changed) await writePairingState(this.path, state);
        return result;
      });
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
