import { describe, expect, it } from 'vitest';
import { AgiArgumentError } from '../../../../../helper/pbx-service/agi/errors';
import { parseCourierCallArgs } from '../../../../../helper/pbx-service/callback/courier-call-args';
import { courierCallEntry } from '../../../../../helper/pbx-service/callback/courier-call-entry';
import { parseFeedbackArgs } from '../../../../../helper/pbx-service/feedback/feedback-args';

const AT = Date.UTC(2025, 10, 24, 12, 0, 0);

describe('the feedback script arguments', () => {
  it('read a rating with the call, the customer and the parcel', () => {
    const { record, reached } = parseFeedbackArgs(
      [
        'call=1718012345.101',
        'outcome=rated',
        'rating=4',
        'tries=1',
        'customer=79161234567',
        'order=2',
        'delivery=2',
        'courier=2',
        'reached=+79032223344',
        'operator=',
      ],
      'RU',
      AT,
    );
    expect(record).toEqual({
      callId: '1718012345.101',
      outcome: 'rated',
      rating: 4,
      attempts: 1,
      customer: { e164: '+79161234567', dbKey: '79161234567' },
      orderCode: '2',
      addressCode: '2',
      courierCode: '2',
      operatorExtension: undefined,
      at: AT,
    });
    expect(reached).toBe('+79032223344');
  });

  it('keep no rating unless the outcome is rated, and refuse a rating out of range', () => {
    const { record } = parseFeedbackArgs(
      ['call=1.2', 'outcome=invalid', 'rating=9', 'tries=2'],
      'RU',
      AT,
    );
    expect(record).toMatchObject({ outcome: 'invalid', rating: undefined, attempts: 2 });
    expect(() => parseFeedbackArgs(['call=1.2', 'outcome=rated', 'rating=6'], 'RU', AT)).toThrow(
      AgiArgumentError,
    );
    expect(() => parseFeedbackArgs(['call=1.2', 'outcome=rated'], 'RU', AT)).toThrow(/rating/);
    expect(() => parseFeedbackArgs(['outcome=no-input'], 'RU', AT)).toThrow(/"call" is missing/);
    expect(() => parseFeedbackArgs(['call=1.2', 'outcome=great'], 'RU', AT)).toThrow(
      AgiArgumentError,
    );
  });
});

describe('the journal script arguments', () => {
  const args = [
    'kind=route',
    'call=1718012345.101',
    'started=1718012345',
    'status=ANSWER',
    'talk=42',
    'customer=79161234567',
    'order=2',
    'delivery=2',
    'courier=2',
    'reached=+79032223344',
    'operator=',
    'recording=/var/spool/asterisk/monitor/courier-2-1718012345.101.wav',
    'callback=',
  ];

  it('become a journal entry of an incoming call answered by the courier, with its order', () => {
    const ended = 1718012345_000 + 60_000;
    const entry = courierCallEntry(parseCourierCallArgs(args, 'RU', ended));
    expect(entry).toEqual({
      callId: '1718012345.101',
      extension: '79032223344',
      direction: 'in',
      origin: 'pbx',
      remote: { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' },
      courierCode: '2',
      orders: [{ orderCode: '2', addressCode: '2', courierCode: '2' }],
      startedAt: 1718012345_000,
      answeredAt: ended - 42_000,
      endedAt: ended,
      talkSeconds: 42,
      result: 'answered',
      missed: false,
      answeredBy: '+79032223344',
      recording: { file: '/var/spool/asterisk/monitor/courier-2-1718012345.101.wav' },
      recovered: false,
    });
  });

  it('make an unanswered callback an outgoing entry of the operator who asked for it', () => {
    const entry = courierCallEntry(
      parseCourierCallArgs(
        [
          'kind=callback',
          'call=1.5',
          'status=NOANSWER',
          'customer=79161234567',
          'operator=101',
          'reached=+79031112233',
        ],
        'RU',
        AT,
      ),
    );
    expect(entry).toMatchObject({
      extension: '101',
      direction: 'out',
      origin: 'click-to-call',
      result: 'no-answer',
      missed: false,
      talkSeconds: 0,
      orders: [],
      startedAt: AT,
    });
    expect(entry.answeredAt).toBeUndefined();
  });

  it('refuse what the dialplan would never pass', () => {
    expect(() => parseCourierCallArgs(['kind=route', 'call=1.2', 'status=OK'], 'RU', AT)).toThrow(
      AgiArgumentError,
    );
    expect(() => parseCourierCallArgs(['kind=other', 'call=1.2'], 'RU', AT)).toThrow(
      AgiArgumentError,
    );
    expect(() => parseCourierCallArgs(['kind=route', 'call=x'], 'RU', AT)).toThrow(
      AgiArgumentError,
    );
    expect(() =>
      parseCourierCallArgs(['kind=route', 'call=1.2', 'recording=a"b'], 'RU', AT),
    ).toThrow(AgiArgumentError);
  });
});
