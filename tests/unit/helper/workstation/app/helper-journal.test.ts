import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startHelperJournal,
  type HelperJournalParts,
} from '../../../../../helper/workstation/app/helper-journal';
import { MemoryJournal } from '../../../../../helper/core/journal-reader';
import { DEFAULTS } from '../../../../../helper/config/defaults';
import type { HelperConfig } from '../../../../../helper/config/types';
import { JournalSpoolError } from '../../../../../helper/journal/errors';

type JournalConfigPart = Pick<HelperConfig, 'journal' | 'database' | 'paths'>;

describe('startHelperJournal', () => {
  let dir: string;
  let controller: AbortController;
  let parts: HelperJournalParts;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helper-journal-'));
    controller = new AbortController();
    parts = {
      recordings: { recordingFor: () => undefined },
      resolver: { lookup: async () => ({ state: 'unavailable', reason: 'test' }) },
      fallback: new MemoryJournal(() => []),
      extensions: () => ['101'],
      logger: pino({ level: 'silent' }),
      onHealth: () => undefined,
      signal: controller.signal,
    };
  });

  afterEach(() => {
    controller.abort();
    rmSync(dir, { recursive: true, force: true });
  });

  function config(journal: Partial<HelperConfig['journal']>): JournalConfigPart {
    return {
      journal: { ...DEFAULTS.journal, ...journal },
      // Nothing listens here: the journal must start without reaching its database.
      database: { ...DEFAULTS.database, host: '127.0.0.1', port: 9 },
      paths: { file: join(dir, 'helper.toml'), stateDir: dir },
    };
  }

  it('starts nothing while the journal is disabled', async () => {
    expect(await startHelperJournal(config({ enabled: false }), parts)).toBeUndefined();
    expect(existsSync(join(dir, 'journal'))).toBe(false);
  });

  it('keeps its spool beside the configuration unless journal.spoolDir says otherwise', async () => {
    const running = await startHelperJournal(config({ enabled: true }), parts);
    expect(running?.restored).toEqual({ spooled: 0, calls: 0 });
    expect(existsSync(join(dir, 'journal'))).toBe(true);
    controller.abort();
    await running?.closed;

    const again = new AbortController();
    const elsewhere = join(dir, 'elsewhere');
    const moved = await startHelperJournal(config({ enabled: true, spoolDir: elsewhere }), {
      ...parts,
      signal: again.signal,
    });
    expect(existsSync(elsewhere)).toBe(true);
    again.abort();
    await moved?.closed;
  });

  it('refuses to start on a spool folder it cannot use, saying which key to change', async () => {
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const failure = startHelperJournal(config({ enabled: true, spoolDir: notAFolder }), parts);
    await expect(failure).rejects.toBeInstanceOf(JournalSpoolError);
    await expect(failure).rejects.toThrow(/journal\.spoolDir/);
  });
});
