import { describe, expect, it } from 'vitest';
import { buildJournalEntry } from '../../../../helper/journal/build-entry';
import { CallNotEndedError } from '../../../../helper/journal/errors';
import { recoveredEntry } from '../../../../helper/journal/recovered-entry';
import {
  CLIENT,
  NO_IDENTITY,
  RECIPIENT,
  T0,
  activeView,
  endedView,
} from '../../../support/helper/journal/samples';

describe('buildJournalEntry', () => {
  it('keeps every field of an answered call with the codes reports join on', () => {
    const entry = buildJournalEntry(endedView());
    expect(entry).toMatchObject({
      callId: '1741944600.17',
      extension: '101',
      direction: 'in',
      origin: 'pbx',
      remote: { e164: '+79161234567', dbKey: '79161234567' },
      startedAt: T0,
      answeredAt: T0 + 4_000,
      endedAt: T0 + 64_000,
      talkSeconds: 60,
      result: 'answered',
      answeredBy: '101',
      missed: false,
      recovered: false,
      identity: RECIPIENT,
    });
    expect(entry.orders).toEqual([
      { addressCode: '5001', orderCode: '7001', courierCode: '31' },
      { addressCode: '5002', orderCode: '7002', courierCode: '32' },
    ]);
  });

  it('takes the client, its contact person and nothing else for a client caller', () => {
    const entry = buildJournalEntry(endedView({ identity: CLIENT }));
    expect(entry.clientCode).toBe('12');
    expect(entry.contactCode).toBe('44');
    expect(entry.courierCode).toBeUndefined();
    expect(entry.orders).toEqual([]);
  });

  it('marks a missed call and leaves out the answer', () => {
    const entry = buildJournalEntry(
      endedView({
        answeredAt: undefined,
        talkSeconds: 0,
        result: 'no-answer',
        answeredBy: undefined,
        missed: true,
        identity: NO_IDENTITY,
        lookup: 'done',
      }),
    );
    expect(entry.missed).toBe(true);
    expect(entry.result).toBe('no-answer');
    expect(entry.answeredAt).toBeUndefined();
    expect(entry.identity).toBeUndefined();
  });

  it('uses the identity found later when the view ended before its lookup answered', () => {
    const entry = buildJournalEntry(endedView({ identity: NO_IDENTITY, lookup: 'pending' }), {
      identity: CLIENT,
    });
    expect(entry.clientCode).toBe('12');
  });

  it('prefers the start and answer seen before a restart and recomputes the talk time', () => {
    const entry = buildJournalEntry(
      endedView({ startedAt: T0 + 1_000, answeredAt: T0 + 30_000, talkSeconds: 34 }),
      { earlier: { startedAt: T0, answeredAt: T0 + 4_000 } },
    );
    expect(entry.startedAt).toBe(T0);
    expect(entry.answeredAt).toBe(T0 + 4_000);
    expect(entry.talkSeconds).toBe(60);
  });

  it('carries the recording and a transfer', () => {
    const entry = buildJournalEntry(endedView(), {
      recording: { file: '/var/spool/asterisk/monitor/in.wav', url: 'https://pbx/r/in.wav' },
      transfer: { target: 'courier', to: '+79031112233', ok: true, at: T0 + 50_000 },
    });
    expect(entry.recording?.url).toBe('https://pbx/r/in.wav');
    expect(entry.transfer?.to).toBe('+79031112233');
  });

  it('marks recovered a call whose end the helper did not see (its PBX link was down)', () => {
    expect(buildJournalEntry(endedView({ endUnseen: true })).recovered).toBe(true);
  });

  it('refuses a call that has not ended', () => {
    expect(() => buildJournalEntry(activeView())).toThrow(CallNotEndedError);
  });
});

describe('recoveredEntry', () => {
  it('ends an answered call at the moment the restart noticed, marked recovered', () => {
    const saved = {
      view: activeView({ startedAt: T0, answeredAt: T0 + 4_000 }),
      earlier: { startedAt: T0, answeredAt: T0 + 4_000 },
      restored: true,
    };
    const entry = recoveredEntry(saved, T0 + 94_000);
    expect(entry).toMatchObject({
      result: 'answered',
      answeredAt: T0 + 4_000,
      endedAt: T0 + 94_000,
      talkSeconds: 90,
      recovered: true,
      missed: false,
    });
  });

  it('counts a call that was still ringing as missed', () => {
    const view = activeView({ state: 'ringing', answeredAt: undefined, answeredBy: undefined });
    const entry = recoveredEntry({ view, earlier: { startedAt: T0 }, restored: true }, T0 + 20_000);
    expect(entry).toMatchObject({ result: 'no-answer', missed: true, talkSeconds: 0 });
    expect(entry.answeredAt).toBeUndefined();
  });
});
