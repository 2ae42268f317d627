import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AmiClient } from '../../helper/ami/client';
import type { OriginateRequest } from '../../helper/ami/originate';
import {
  amiOriginator,
  type CallbackOriginator,
} from '../../helper/pbx-service/callback/callback-originator';
import { DurableJournal } from '../../helper/journal/durable-journal';
import { JournalSpool } from '../../helper/journal/journal-spool';
import { MysqlJournalDatabase } from '../../helper/journal/mysql-journal-database';
import { SqlJournalStore } from '../../helper/journal/sql-journal-store';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { placeInboundCall, startFarEnd, stopSipp } from '../support/sip-peers';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  migrateHarnessDatabase,
  tempStateDir,
} from '../support/journal/harness-journal';
import { connectAmi } from '../support/ami';
import {
  COMPANY_DID,
  setDialplanGlobals,
  startTestPbxService,
  type TestPbxService,
} from '../support/integration/pbx-service-fixture';

const TOKEN = 'test-token-0123456789abcdef0123456789';
const { courierWithManager, secondHolder } = WELL_KNOWN.couriers;
const { orderA } = WELL_KNOWN.orders;
const RECIPIENT = FIXTURE_NUMBERS.recipient;

let pbx: TestPbxService;
let ami: AmiClient;
let database: MysqlJournalDatabase;
let spool: Awaited<ReturnType<typeof tempStateDir>>;
let root: Connection;
const stopJournal = new AbortController();
const originated: OriginateRequest[] = [];

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  const { asterisk, mariadb } = harnessInfo();
  ami = new AmiClient({
    host: asterisk.amiHost,
    port: asterisk.amiPort,
    username: asterisk.accounts.helper.username,
    secret: asterisk.accounts.helper.secret,
    eventMask: 'call',
  });
  await ami.start();
  const pbxSide = amiOriginator(ami);
  const originator: CallbackOriginator = {
    get ready() {
      return pbxSide.ready;
    },
    originate: (request) => {
      originated.push(request);
      return pbxSide.originate(request);
    },
  };
  spool = await tempStateDir();
  database = new MysqlJournalDatabase({
    host: mariadb.host,
    port: mariadb.port,
    database: mariadb.database,
    ...JOURNAL_ACCOUNT,
  });
  const journal = new DurableJournal({
    store: new SqlJournalStore(database),
    spool: new JournalSpool(spool.dir),
    signal: stopJournal.signal,
  });
  await journal.start();
  pbx = await startTestPbxService({
    originator,
    journal,
    settings: { httpTokens: [TOKEN], httpHost: '127.0.0.1', companyNumber: COMPANY_DID },
  });
  root = await connectRoot();
});

afterEach(stopSipp);

afterAll(async () => {
  await pbx?.close();
  await ami?.close();
  stopJournal.abort();
  await database?.close();
  await spool?.remove();
  await root?.end();
});

function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${pbx.service.httpPort}/v1/callbacks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body,
  });
}

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: body.error.code };
}

describe('the callback endpoint refuses, and dials nothing, when', () => {
  const valid = JSON.stringify({
    courier: courierWithManager.code,
    recipient: RECIPIENT,
    order: orderA.code,
  });

  it.each([
    ['no token is sent', { authorization: '' }, 401, 'unauthorized'],
    [
      'the token is wrong',
      { authorization: `Bearer ${TOKEN.replace('0', '1')}` },
      401,
      'unauthorized',
    ],
    ['the body is not JSON', { 'content-type': 'text/plain' }, 415, 'unsupported-media-type'],
  ])('%s', async (_case, headers, status, code) => {
    expect(await errorOf(await post(valid, headers))).toEqual({ status, code });
    expect(originated).toEqual([]);
  });

  it.each([
    ['broken JSON', '{"courier": 1,', 400, 'malformed-json'],
    ['a field is missing', JSON.stringify({ courier: 1, order: 1 }), 400, 'invalid-request'],
    [
      'a field is unknown',
      JSON.stringify({ courier: 1, recipient: RECIPIENT, order: 1, name: 'x' }),
      400,
      'invalid-request',
    ],
    [
      'the recipient is not a number',
      JSON.stringify({ courier: 1, recipient: '7916\r\nAction: Originate', order: 1 }),
      400,
      'invalid-request',
    ],
    [
      'the courier does not exist',
      JSON.stringify({ courier: 999999, recipient: RECIPIENT, order: 1 }),
      409,
      'unknown-courier',
    ],
    [
      'the number is not a recipient of the order',
      JSON.stringify({ courier: 1, recipient: FIXTURE_NUMBERS.unknown, order: 1 }),
      409,
      'recipient-not-on-order',
    ],
  ])('%s', async (_case, body, status, code) => {
    expect(await errorOf(await post(body))).toEqual({ status, code });
    expect(originated).toEqual([]);
  });
});

interface JournalOrderRow extends RowDataPacket {
  call_id: string;
  extension: string;
  direction: string;
  origin: string;
  result: string;
  courier_code: number | null;
  recording_file: string | null;
  order_code: number;
  address_code: number;
}

describe('a callback', () => {
  it('rings the courier first, then the recipient with the company number, and is journaled with the order', async () => {
    const farEnd = await startFarEnd('answer', { answerAfterMs: 300, hangupAfterMs: 1_500 });
    const response = await post(
      JSON.stringify({
        courier: courierWithManager.code,
        recipient: '+7 (916) 123-45-67',
        order: orderA.code,
      }),
    );
    expect(response.status).toBe(202);
    const { callback } = (await response.json()) as { callback: { id: string; state: string } };
    expect(callback.state).toBe('calling-courier');
    expect(response.headers.get('location')).toBe(`/v1/callbacks/${callback.id}`);

    const courierLeg = await farEnd.waitForInvite({ since: 0 });
    expect(courierLeg.dialled).toBe(`+${courierWithManager.phonem}`);
    expect(courierLeg.fromUser).toBe(COMPANY_DID);
    const recipientLeg = await farEnd.waitForInvite({ since: 1 });
    expect(recipientLeg.dialled).toBe(`+${RECIPIENT}`);
    expect(recipientLeg.fromUser).toBe(COMPANY_DID);

    const status = await eventually(
      async () => {
        const reply = await fetch(
          `http://127.0.0.1:${pbx.service.httpPort}/v1/callbacks/${callback.id}`,
          {
            headers: { authorization: `Bearer ${TOKEN}` },
          },
        );
        return ((await reply.json()) as { callback: { state: string; result?: string } }).callback;
      },
      (current) => current.state === 'ended',
      'the callback to end',
    );
    expect(status.result).toBe('answered');

    const [row] = await eventually(
      async () =>
        (
          await root.query<JournalOrderRow[]>(
            'SELECT j.*, o.order_code, o.address_code FROM call_journal j ' +
              'JOIN call_journal_orders o ON o.journal_id = j.id ' +
              "WHERE j.origin = 'click-to-call' AND j.remote_db_key = ? AND j.courier_code = ?",
            [RECIPIENT, courierWithManager.code],
          )
        )[0],
      (rows) => rows.length > 0,
      'the callback in the journal',
    );
    expect(row).toMatchObject({
      extension: courierWithManager.phonem,
      direction: 'out',
      result: 'answered',
      order_code: orderA.code,
      address_code: WELL_KNOWN.deliveries.deliveryA.code,
    });
    expect(row?.recording_file).toMatch(new RegExp(`courier-${orderA.code}-`));
  });

  it("sends the recipient's call back to the company number to that same courier", async () => {
    const farEnd = await startFarEnd('ring');
    const call = await placeInboundCall({ from: RECIPIENT, did: COMPANY_DID });
    const invite = await farEnd.waitForInvite({ since: 0 });
    // Without the callback, the latest hand-over (courier 2) would have been rung.
    expect(invite.dialled).toBe(`+${courierWithManager.phonem}`);
    expect(invite.dialled).not.toBe(`+${secondHolder.phonem}`);
    expect(pbx.routed.at(-1)?.decision).toMatchObject({
      kind: 'courier',
      reason: 'recent-callback',
    });
    await call.hangup();
  });
});

describe('feedback after a callback', () => {
  it('asks the recipient once the courier hung up, about the same order and courier', async () => {
    await setDialplanGlobals({ CT_FEEDBACK: 'yes', CT_FEEDBACK_WAIT: '1' });
    const admin = await connectAmi('admin');
    try {
      const farEnd = await startFarEnd('answer', { answerAfterMs: 200 });
      const since = admin.mark();
      const response = await post(
        JSON.stringify({
          courier: courierWithManager.code,
          recipient: RECIPIENT,
          order: orderA.code,
        }),
      );
      expect(response.status).toBe(202);
      await farEnd.waitForInvite({ since: 1 });
      const courierLeg = await admin.waitForEvent(
        { Event: 'Newchannel', Channel: /^PJSIP\/farend-/ },
        { since },
      );
      await admin.waitForEvent(
        { Event: 'BridgeEnter', Channel: /^Local\/\+79161234567@/ },
        { since },
      );
      // The courier ends the conversation; the recipient is still on the line.
      await admin.action({ Action: 'Hangup', Channel: courierLeg.Channel as string });
      await expect
        .poll(() => pbx.feedback.at(-1), { timeout: 20_000 })
        .toMatchObject({
          outcome: 'no-input',
          orderCode: String(orderA.code),
          addressCode: String(WELL_KNOWN.deliveries.deliveryA.code),
          courierCode: String(courierWithManager.code),
          customer: { dbKey: RECIPIENT },
        });
    } finally {
      await admin.close();
      await setDialplanGlobals({ CT_FEEDBACK: 'no' });
    }
  });
});
