import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { PairingCodeError, UnknownPairingError } from './errors';
import { withFileLock } from './file-lock';
import type { ClientLabel, IssuedToken, PairedClient, PairingAuthority } from './pairing-authority';
import {
  generatePairingCode,
  hashPairingCode,
  MAX_CODE_ATTEMPTS,
  newCodeSalt,
  pairingCodeMatches,
} from './pairing-code';
import { ensureStateDir, readPairingState, writePairingState } from './pairing-file';
import type { PairingState, TokenRecord } from './pairing-state';
import { generatePairingId, generatePairingToken, hashPairingToken } from './pairing-token';

export const PAIRING_FILE_NAME = 'pairing.json';
export const DEFAULT_CODE_TTL_MS = 10 * 60_000;

/** Last-seen times are advisory; rewriting the file on every reconnect is not worth it. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface PairingStoreOptions {
  /** Directory holding the state file; created (mode 0700) when missing. */
  stateDir: string;
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
  if (record.lastSeenAt !== undefined) client.lastSeenAt = record.lastSeenAt;
  return client;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function clip(text: string): string {
  return text.slice(0, 64);
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
  /** Serialises this instance's own operations; the lock file covers other processes. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PairingStoreOptions) {
    this.path = join(options.stateDir, PAIRING_FILE_NAME);
    this.lockPath = `${this.path}.lock`;
    this.now = options.now ?? Date.now;
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
          pendingCode: {
            salt,
            hash: hashPairingCode(code, salt),
            createdAt,
            expiresAt,
            failedAttempts: 0,
          },
        },
        changed: true,
        result: { code, expiresAt, ttlMs },
      };
    });
  }

  async redeem(code: string, client: ClientLabel): Promise<IssuedToken> {
    const outcome = await this.mutate<IssuedToken | PairingCodeError>((state) => {
      const pending = state.pendingCode;
      if (!pending) {
        return { state, changed: false, result: new PairingCodeError('none-pending') };
      }
      const withoutCode: PairingState = { version: state.version, tokens: state.tokens };
      if (this.now() >= pending.expiresAt) {
        return { state: withoutCode, changed: true, result: new PairingCodeError('expired') };
      }
      if (!pairingCodeMatches(code, pending.salt, pending.hash)) {
        const failedAttempts = pending.failedAttempts + 1;
        const attemptsLeft = MAX_CODE_ATTEMPTS - failedAttempts;
        if (attemptsLeft <= 0) {
          return { state: withoutCode, changed: true, result: new PairingCodeError('void') };
        }
        return {
          state: { ...state, pendingCode: { ...pending, failedAttempts } },
          changed: true,
          result: new PairingCodeError('wrong-code', attemptsLeft),
        };
      }
      const token = generatePairingToken();
      const record: TokenRecord = {
        id: generatePairingId(),
        hash: hashPairingToken(token),
        label: {
          name: clip(client.name),
          browser: clip(client.browser),
          version: clip(client.version),
        },
        createdAt: this.now(),
      };
      return {
        state: { ...withoutCode, tokens: [...state.tokens, record] },
        changed: true,
        result: { id: record.id, token },
      };
    });
    if (outcome instanceof PairingCodeError) throw outcome;
    return outcome;
  }

  async verify(token: string): Promise<PairedClient | null> {
    const hash = hashPairingToken(token);
    return this.mutate((state) => {
      const index = state.tokens.findIndex((record) => sameHash(record.hash, hash));
      const record = state.tokens[index];
      if (!record) return { state, changed: false, result: null };
      const now = this.now();
      if (record.lastSeenAt !== undefined && now - record.lastSeenAt < LAST_SEEN_RESOLUTION_MS) {
        return { state, changed: false, result: toPairedClient(record) };
      }
      const updated = { ...record, lastSeenAt: now };
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
