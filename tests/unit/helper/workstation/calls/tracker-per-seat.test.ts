import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';
import { loadSequence, replay } from '../../../../support/helper/workstation/calls/replay';
import { replaySeat, seatStream } from '../../../../support/helper/workstation/calls/seat-stream';

const SEQUENCES = readdirSync(
  fileURLToPath(new URL('../../../../support/ami-sequences/', import.meta.url)),
)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

const PHONES = ['101', '102', '103'];

/** What an operator's card and journal show of each call: the states and the final record. */
function cards(updates: readonly CallUpdate[]): unknown[] {
  const byCall = new Map<string, CallUpdate[]>();
  for (const update of updates) {
    const key = update.view.callId;
    byCall.set(key, [...(byCall.get(key) ?? []), update]);
  }
  return [...byCall.values()].map((views) => {
    const last = views.at(-1)!;
    return {
      firstRemote: views[0]!.view.remote,
      states: views.map((u) => u.change).filter((c, i, all) => c !== all[i - 1]),
      direction: last.view.direction,
      remote: last.view.remote,
      answeredBy: last.view.answeredBy,
      movedTo: last.view.movedTo,
      result: last.record?.result,
      missed: last.record?.missed,
      talkSeconds: last.record?.talkSeconds,
    };
  });
}

describe('a seat on its own filtered AMI account', () => {
  it.each(SEQUENCES)('%s: every phone gets the same cards and journal as office-wide', (name) => {
    const { events } = loadSequence(name);
    for (const phone of PHONES) {
      const seat = replaySeat(events, phone);
      expect(cards(seat), phone).toEqual(cards(replay(name, [phone])));
    }
  });

  it('receives none of the events of calls its phone takes no part in', () => {
    const { events } = loadSequence('ringgroup-answered-by-102');
    const seat103 = seatStream(events, '103');
    // The recording's file name is matched by variable: one event per recorded call.
    expect(seat103.map((e) => e.frame['Event'])).toEqual(
      events.filter((e) => e.frame['Event'] === 'VarSet').map(() => 'VarSet'),
    );
    expect(seat103.length).toBeLessThanOrEqual(1);
  });

  it('the phone that lost a ring group names the winner from its own DialEnd', () => {
    const { events } = loadSequence('ringgroup-answered-by-102');
    const loser = replaySeat(events, '101');
    const elsewhere = loser.find((u) => u.change === 'answered-elsewhere');
    expect(elsewhere?.view.answeredBy).toBe('102');
    expect(loser.at(-1)!.record).toMatchObject({ result: 'answered-elsewhere', answeredBy: '102' });
  });
});
