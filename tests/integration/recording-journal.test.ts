import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harnessInfo } from '../support/harness-info';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import { eventually, journalRows } from '../support/journal/harness-journal';
import {
  startJournalLiveSetup,
  type JournalLiveSetup,
} from '../support/journal/journal-live-setup';
import type { LiveHelper } from '../support/journal/live-helper';

let helper: LiveHelper;
let db: Connection;
let setup: JournalLiveSetup | undefined;

beforeAll(async () => {
  setup = await startJournalLiveSetup({
    extensions: ['101'],
    recordingTemplate: 'https://pbx.test/recordings/{basename}',
  });
  ({ helper, db } = setup);
});

afterEach(stopSipp);

afterAll(() => setup?.stop());

describe('recordings in the journal', () => {
  it("links a recorded call's entry to the file MixMonitor wrote on the PBX", async () => {
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const since = helper.views.length;
    const call = await placeInboundCall({
      from: FIXTURE_NUMBERS.clientMain,
      did: DIDS.direct,
      hangupAfterMs: 2_000,
    });
    await call.done;
    const view = await eventually(
      () => helper.views.slice(since).find((v) => v.extension === '101' && v.state === 'ended'),
      (v) => v !== undefined,
      'the recorded call to end',
    );
    const callId = view?.callId ?? '';
    const [row] = await eventually(
      () => journalRows(db, callId),
      (rows) => rows.length === 1,
      'the journal row',
    );
    const file = row?.recording_file ?? '';
    const { asterisk } = harnessInfo();
    expect(file.startsWith(`${asterisk.runDir}/spool/monitor/`)).toBe(true);
    expect(file).toMatch(new RegExp(`in-${FIXTURE_NUMBERS.clientMain}-.*\\.wav$`));
    const basename = file.slice(file.lastIndexOf('/') + 1);
    expect(row?.recording_url).toBe(`https://pbx.test/recordings/${basename}`);
    expect(helper.recordings.urlFor(callId)).toBe(row?.recording_url);
    // The path is the PBX's own, inside its root here. The test phones send no audio, so
    // the WAV file holds its header only.
    const onHost = join(asterisk.root, file);
    await eventually(
      () =>
        stat(onHost).then(
          (s) => s.isFile(),
          () => false,
        ),
      (exists) => exists,
      `the recording ${onHost}`,
    );
    expect((await readFile(onHost)).subarray(0, 4).toString('latin1')).toBe('RIFF');
    const popup = await helper.journal.reader.query({ id: 'q' });
    expect(popup.entries.find((c) => c.callId === callId)?.recordingUrl).toBe(row?.recording_url);
  });
});
