import { findPhones, normalizePhone } from '../../../../../shared/phone/cis';
import { PhoneLinkRegistry } from '../../../../../extension/features/linkify-phones/phone-link-registry';
import { createPhoneLinkFactory } from '../../../../../extension/features/linkify-phones/phone-link-factory';
import { PhoneLinker } from '../../../../../extension/features/linkify-phones/phone-linker';
import type { LinkifyStats } from '../../../../../extension/features/linkify-phones/session-stats';
import type { SliceDeadline } from '../../../../../extension/lib/dom/slice-scheduler';

export interface LinkerHarness {
  linker: PhoneLinker;
  registry: PhoneLinkRegistry;
  controller: AbortController;
  /** Every session the linker finished, in order. */
  sessions: LinkifyStats[];
  /** Resolves once the linker has finished `count` sessions in total. */
  sessionsDone(count: number, timeoutMs?: number): Promise<void>;
}

/** The real linker with the content script's phone finder, on whatever document is given. */
export function startLinker(
  document: Document,
  options: {
    registry?: PhoneLinkRegistry;
    shadowRecheckMs?: number;
    /** Deadline checks a slice passes before its time is up; unlimited by default. */
    checksPerSlice?: number;
  } = {},
): LinkerHarness {
  const registry = options.registry ?? new PhoneLinkRegistry();
  const controller = new AbortController();
  const sessions: LinkifyStats[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  const linker = new PhoneLinker({
    document,
    findPhones: (text) => findPhones(text),
    normalize: (input) => normalizePhone(input),
    makeLink: createPhoneLinkFactory(document),
    registry,
    signal: controller.signal,
    shadowRecheckMs: options.shadowRecheckMs ?? 20,
    ...(options.checksPerSlice === undefined
      ? {}
      : { createScheduler: countedSlices(options.checksPerSlice) }),
    onIdle(stats) {
      sessions.push(stats);
      for (const waiter of waiters.filter((entry) => sessions.length >= entry.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
  });
  linker.start();
  return {
    linker,
    registry,
    controller,
    sessions,
    sessionsDone(count, timeoutMs = 5000) {
      if (sessions.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`linker finished ${sessions.length} sessions, expected ${count}`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

/** Slices whose deadline passes after a fixed number of checks instead of some milliseconds. */
function countedSlices(checks: number) {
  return (run: (deadline: SliceDeadline) => void, signal: AbortSignal) => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    signal.addEventListener('abort', () => clearTimeout(pending), { once: true });
    return {
      request() {
        if (pending !== undefined || signal.aborted) return;
        pending = setTimeout(() => {
          pending = undefined;
          let left = checks;
          run({ timeRemaining: () => (left-- > 0 ? 1 : 0) });
        }, 0);
      },
    };
  };
}

/** `data-phone` of every link we created under a root, in document order. */
export function linkedPhones(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll<HTMLAnchorElement>('a.ct-phone')).map(
    (link) => link.dataset.phone ?? '',
  );
}

/** Lets queued mutation records and zero-delay timers run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
