import { describe, expect, it } from 'vitest';
import { silentLogger, type ServiceLogger } from '../../../../../helper/pbx-service/agi/logger';
import type { FeedbackRecord } from '../../../../../helper/pbx-service/feedback/feedback-record';
import { FeedbackRecorder } from '../../../../../helper/pbx-service/feedback/feedback-recorder';

const RECORD: FeedbackRecord = {
  callId: '1718012345.101',
  outcome: 'rated',
  rating: 5,
  attempts: 1,
  customer: { e164: '+79161234567', dbKey: '79161234567' },
  orderCode: '2',
  addressCode: '2',
  courierCode: '2',
  operatorExtension: undefined,
  at: 0,
};

describe('FeedbackRecorder', () => {
  it('tries again while the database fails, then stores', async () => {
    let attempts = 0;
    const saved: FeedbackRecord[] = [];
    const recorder = new FeedbackRecorder({
      store: {
        save: async (record) => {
          attempts += 1;
          if (attempts < 3) throw new Error('ECONNREFUSED');
          saved.push(record);
        },
      },
      logger: silentLogger,
      retryDelaysMs: [1, 1, 1],
      signal: new AbortController().signal,
    });
    recorder.record(RECORD);
    await recorder.settled();
    expect(saved).toEqual([RECORD]);
  });

  it('logs the whole record when it gives up, so it can be entered by hand', async () => {
    const errors: object[] = [];
    const logger: ServiceLogger = {
      ...silentLogger,
      error: (details) => void errors.push(details),
    };
    const stop = new AbortController();
    const recorder = new FeedbackRecorder({
      store: { save: () => Promise.reject(new Error('down')) },
      logger,
      retryDelaysMs: [60_000],
      signal: stop.signal,
    });
    recorder.record(RECORD);
    expect(recorder.waiting).toBe(1);
    stop.abort();
    await recorder.settled();
    expect(errors).toEqual([expect.objectContaining({ feedback: RECORD })]);
  });
});
