import type { Connection } from 'mysql2/promise';
import { expect } from 'vitest';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  liveServices,
  migrateHarnessDatabase,
  tempStateDir,
} from './harness-journal';
import { startLiveHelper, type LiveHelper, type LiveHelperOptions } from './live-helper';

export interface JournalLiveSetup {
  readonly helper: LiveHelper;
  /** Root on the harness database, to read the journal's rows. */
  readonly db: Connection;
  /** Stops the helper, closes the connection and removes the state folder. */
  stop(): Promise<void>;
}

/**
 * The journal's tables migrated on the harness database, and a live helper writing them
 * with the journal account from a state folder of its own, ready once its AMI login is done.
 */
export async function startJournalLiveSetup(
  options: Omit<LiveHelperOptions, 'services' | 'stateDir' | 'journalAccount'>,
): Promise<JournalLiveSetup> {
  expect(await migrateHarnessDatabase()).toBe(0);
  const db = await connectRoot();
  const state = await tempStateDir();
  let helper: LiveHelper | undefined;
  const stop = async (): Promise<void> => {
    await helper?.stop();
    await db.end();
    await state.remove();
  };
  try {
    helper = await startLiveHelper({
      ...options,
      services: liveServices(),
      stateDir: state.dir,
      journalAccount: JOURNAL_ACCOUNT,
    });
    await helper.ready;
    return { helper, db, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
