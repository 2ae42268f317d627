import type { PartyNumber } from '../../../shared/protocol';
import { ExtensionMatcher } from './channel-name';
import { CallsConfigError } from './errors';
import type { ChannelRecord, ExpectedOriginate, TrackedCall } from './model';
import { RecentSet } from './recent-set';
import { partyNumberFactory } from './remote-number';
import { DEFAULT_CLICK_TO_CALL_PREFIX, type CallTrackerOptions, type CallUpdate } from './types';

const EXTENSION = /^\d{2,6}$/;
const DEFAULT_MAX_CALL_AGE_MS = 12 * 60 * 60 * 1000;
const DEFAULT_MAX_CALLS = 2000;
const DEFAULT_EXPECT_TTL_MS = 5 * 60 * 1000;
// Stragglers arrive within moments of a hangup; a few thousand ids cover any burst.
const RECENT_CAPACITY = 4096;

export interface TrackerConfig {
  readonly matcher: ExtensionMatcher;
  readonly partyNumber: (raw: string) => PartyNumber;
  readonly clickToCallPrefix: string;
  readonly maxCallAgeMs: number;
  readonly maxCalls: number;
  readonly expectTtlMs: number;
}

/** Everything the event handlers read and change; owned by one CallTracker. */
export interface TrackerState {
  readonly config: TrackerConfig;
  /** By Linkedid, in creation order (oldest first). */
  readonly calls: Map<string, TrackedCall>;
  /** By Uniqueid. */
  readonly channels: Map<string, ChannelRecord>;
  /** Bridge id → Uniqueids of the channels in it. */
  readonly bridges: Map<string, Set<string>>;
  readonly endedChannels: RecentSet;
  readonly endedCalls: RecentSet;
  /** By ChannelId. */
  readonly expected: Map<string, ExpectedOriginate>;
  /** Updates produced by the event being handled. */
  readonly out: CallUpdate[];
}

export function createTrackerState(options: CallTrackerOptions): TrackerState {
  return {
    config: resolveConfig(options),
    calls: new Map(),
    channels: new Map(),
    bridges: new Map(),
    endedChannels: new RecentSet(RECENT_CAPACITY),
    endedCalls: new RecentSet(RECENT_CAPACITY),
    expected: new Map(),
    out: [],
  };
}

function resolveConfig(options: CallTrackerOptions): TrackerConfig {
  const extensions = options.extensions;
  if (!Array.isArray(extensions) || extensions.length === 0) {
    throw new CallsConfigError(
      'extensions',
      'list at least one of the operator\'s extensions, e.g. ["101"]',
    );
  }
  for (const extension of extensions) {
    if (typeof extension !== 'string' || !EXTENSION.test(extension)) {
      throw new CallsConfigError(
        'extensions',
        `"${String(extension)}" is not an extension: use 2 to 6 digits`,
      );
    }
  }
  const prefix = options.clickToCallPrefix ?? DEFAULT_CLICK_TO_CALL_PREFIX;
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(prefix)) {
    throw new CallsConfigError('clickToCallPrefix', 'use 1 to 32 letters, digits, ".", "_" or "-"');
  }
  return {
    matcher: new ExtensionMatcher(extensions),
    partyNumber: options.partyNumber ?? partyNumberFactory(options.defaultCountry),
    clickToCallPrefix: prefix,
    maxCallAgeMs: positive('maxCallAgeMs', options.maxCallAgeMs ?? DEFAULT_MAX_CALL_AGE_MS),
    maxCalls: positive('maxCalls', options.maxCalls ?? DEFAULT_MAX_CALLS),
    expectTtlMs: positive('expectTtlMs', options.expectTtlMs ?? DEFAULT_EXPECT_TTL_MS),
  };
}

function positive(option: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new CallsConfigError(option, 'must be a positive number');
  }
  return value;
}
