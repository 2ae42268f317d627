import { afterEach, describe, expect, it } from 'vitest';
import { connectAmi } from '../support/ami';
import { connectCourierDb } from '../support/courier-db';
import { harnessFaults } from '../support/fault-control';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { AmiClosedError } from '../../harness/raw-ami';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';

afterEach(async () => {
  await stopSipp();
  // Later test files share these services: leave MariaDB running whatever happened.
  await harnessFaults.startMariaDb();
});

describe('service faults for tests', () => {
  it('stops MariaDB and starts it again on the same port with the same data', async () => {
    await harnessFaults.stopMariaDb();
    await expect(connectCourierDb()).rejects.toThrow(/ECONNREFUSED/);

    await harnessFaults.startMariaDb();
    const db = await connectCourierDb();
    try {
      const [rows] = await db.query('SELECT COUNT(*) AS n FROM contacts WHERE VALUE = ?', [
        FIXTURE_NUMBERS.recipient,
      ]);
      expect(rows).toEqual([{ n: 3 }]);
    } finally {
      await db.end();
    }
  });

  it('restarts Asterisk: AMI connections drop, the same accounts and routes work again', async () => {
    const before = await connectAmi('helper');
    await harnessFaults.restartAsterisk();
    expect(await before.closed).toBeInstanceOf(AmiClosedError);

    const after = await connectAmi('helper');
    try {
      await startPhone('101', 'ring');
      const call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
      await after.waitForEvent({
        Event: 'Newstate',
        Channel: /^PJSIP\/101-/,
        ChannelStateDesc: 'Ringing',
      });
      await call.hangup();
    } finally {
      await after.close();
    }
  });
});
