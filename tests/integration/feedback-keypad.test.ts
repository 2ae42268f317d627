import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SqlFeedbackStore } from '../../helper/pbx-service/feedback/sql-feedback-store';
import { MysqlJournalDatabase } from '../../helper/journal/mysql-journal-database';
import { connectAmi } from '../support/ami';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import type { RawAmiClient } from '../../harness/raw-ami';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';
import {
  COMPANY_DID,
  startTestPbxService,
  type TestPbxService,
} from '../support/integration/pbx-service-fixture';
import { placeKeypadCall } from '../support/integration/keypad-call';

const RECIPIENT = FIXTURE_NUMBERS.recipient;
const { secondHolder } = WELL_KNOWN.couriers;
const { orderB } = WELL_KNOWN.orders;

interface FeedbackRow extends RowDataPacket {
  call_id: string;
  outcome: string;
  rating: number | null;
  attempts: number;
  customer_db_key: string | null;
  order_code: number | null;
  address_code: number | null;
  courier_code: number | null;
  operator_extension: string | null;
}

let pbx: TestPbxService;
let ami: RawAmiClient;
let root: Connection;
let writer: MysqlJournalDatabase;

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  root = await connectRoot();
  // The writer account writes the feedback table too (see db/migrations/002_feedback.sql).
  await root.query("GRANT SELECT, INSERT, UPDATE ON call_feedback TO 'courier_journal'@'%'");
  const { mariadb } = harnessInfo();
  writer = new MysqlJournalDatabase({
    host: mariadb.host,
    port: mariadb.port,
    database: mariadb.database,
    ...JOURNAL_ACCOUNT,
  });
  pbx = await startTestPbxService({
    feedback: new SqlFeedbackStore(writer),
    // A short wait for the key keeps the unanswered cases quick.
    globals: { CT_FEEDBACK: 'yes', CT_FEEDBACK_WAIT: '2' },
  });
  ami = await connectAmi('admin');
});

afterEach(stopSipp);

afterAll(async () => {
  await pbx?.close();
  await writer?.close();
  await ami?.close();
  await root?.end();
});

/** The call id (Linkedid) of the next inbound call from `caller`. */
async function nextCallId(since: number, caller: string = RECIPIENT): Promise<string> {
  const channel = await ami.waitForEvent(
    { Event: 'Newchannel', Channel: /^PJSIP\/trunk-/, CallerIDNum: caller, Exten: COMPANY_DID },
    { since },
  );
  return channel.Linkedid as string;
}

async function feedbackOf(callId: string): Promise<FeedbackRow> {
  const rows = await eventually(
    async () =>
      (
        await root.query<FeedbackRow[]>('SELECT * FROM call_feedback WHERE call_id = ?', [callId])
      )[0],
    (found) => found.length > 0,
    `the feedback of call ${callId}`,
  );
  return rows[0] as FeedbackRow;
}

const ABOUT_THE_PARCEL = {
  customer_db_key: RECIPIENT,
  order_code: orderB.code,
  address_code: WELL_KNOWN.deliveries.deliveryB.code,
  courier_code: secondHolder.code,
  operator_extension: null,
};

describe('post-call feedback of a recipient put through to the courier', () => {
  it('stores the key pressed with the call, the order and the courier', async () => {
    // The courier answers and hangs up; the recipient stays on the line for the question.
    await startFarEnd('answer', { answerAfterMs: 200, hangupAfterMs: 800 });
    const since = ami.mark();
    const call = await placeKeypadCall({ from: RECIPIENT, did: COMPANY_DID, key: '4' });
    const callId = await nextCallId(since);
    expect((await call.done).exitCode).toBe(0);
    expect(await feedbackOf(callId)).toMatchObject({
      outcome: 'rated',
      rating: 4,
      attempts: 1,
      ...ABOUT_THE_PARCEL,
    });
  });

  it('asks again after a wrong key, and stores that no rating came', async () => {
    await startFarEnd('answer', { answerAfterMs: 200, hangupAfterMs: 800 });
    const since = ami.mark();
    const call = await placeKeypadCall({ from: RECIPIENT, did: COMPANY_DID, key: '9' });
    const callId = await nextCallId(since);
    await call.done;
    expect(await feedbackOf(callId)).toMatchObject({
      outcome: 'invalid',
      rating: null,
      attempts: 2,
      ...ABOUT_THE_PARCEL,
    });
  });

  it('asks again when no key comes, then lets the caller go', async () => {
    await startFarEnd('answer', { answerAfterMs: 200, hangupAfterMs: 800 });
    const since = ami.mark();
    const call = await placeInboundCall({ from: RECIPIENT, did: COMPANY_DID });
    const callId = await nextCallId(since);
    // The PBX hangs up on the caller once the question is over.
    expect(await call.done).toMatchObject({ answered: true });
    expect(await feedbackOf(callId)).toMatchObject({
      outcome: 'no-input',
      rating: null,
      attempts: 2,
      ...ABOUT_THE_PARCEL,
    });
  });
});

describe('post-call feedback of a client put through to the account manager', () => {
  it('stores the rating with the extension that took the call', async () => {
    await startPhone('103', 'answer', { answerAfterMs: 200, hangupAfterMs: 800 });
    const client = FIXTURE_NUMBERS.clientMain;
    const since = ami.mark();
    const call = await placeKeypadCall({ from: client, did: COMPANY_DID, key: '5' });
    const callId = await nextCallId(since, client);
    await call.done;
    expect(await feedbackOf(callId)).toMatchObject({
      outcome: 'rated',
      rating: 5,
      customer_db_key: client,
      operator_extension: '103',
      order_code: null,
      courier_code: null,
    });
  });
});
