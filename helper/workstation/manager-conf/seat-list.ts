import { tr } from '../../core/cli-text';
import './russian';

/** The most seats one `--seats` list may name: a typo such as 101-1001 should not print 900. */
const MAX_SEATS = 1000;
const EXTENSION = /^\d{2,6}$/;

/** A `--seats` list that does not name extensions. */
export class SeatListError extends Error {
  override readonly name = 'SeatListError';

  constructor(
    readonly list: string,
    reason: string,
  ) {
    super(
      tr`--seats ${JSON.stringify(list)}: ${reason}; give extensions and ranges separated by commas, e.g. --seats 101-103,110`,
    );
  }
}

/** `101-103,110` → 101, 102, 103, 110: each seat's extension, in order, without repeats. */
export function parseSeatList(list: string): string[] {
  const seats = new Set<string>();
  for (const part of list.split(',').map((p) => p.trim())) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range === null) {
      if (!EXTENSION.test(part)) throw new SeatListError(list, tr`"${part}" is not an extension`);
      seats.add(part);
      continue;
    }
    const [, from = '', to = ''] = range;
    if (!EXTENSION.test(from) || !EXTENSION.test(to) || from.length !== to.length) {
      throw new SeatListError(list, tr`"${part}" is not a range of extensions of one length`);
    }
    if (Number(to) < Number(from)) throw new SeatListError(list, tr`"${part}" runs backwards`);
    if (Number(to) - Number(from) >= MAX_SEATS) {
      throw new SeatListError(list, tr`"${part}" names more than ${MAX_SEATS} seats`);
    }
    for (let n = Number(from); n <= Number(to); n += 1) {
      seats.add(String(n).padStart(from.length, '0'));
    }
  }
  if (seats.size > MAX_SEATS) throw new SeatListError(list, tr`more than ${MAX_SEATS} seats`);
  return [...seats];
}
