// The wildcard module type must live in a script file, which a path reference reaches from
// every project that compiles this one (the tests' included).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./sql-text.d.ts" />
import callJournal from '../../db/migrations/001_call_journal.sql';
import feedback from '../../db/migrations/002_feedback.sql';
import declinedResult from '../../db/migrations/003_declined_result.sql';
import recentCallbacks from '../../db/migrations/004_recent_callbacks.sql';
import callOutcomes from '../../db/migrations/005_call_outcomes.sql';
import callControl from '../../db/migrations/006_call_control.sql';

/**
 * `db/migrations` as text, for the single-file helper, which has no source tree: only a
 * bundler with a text loader for `.sql` (esbuild `--loader:.sql=text`) can load this module.
 * Every file of the folder is listed here; a test compares the two.
 */
export const BUNDLED_MIGRATIONS: Readonly<Record<string, string>> = {
  '001_call_journal.sql': callJournal,
  '002_feedback.sql': feedback,
  '003_declined_result.sql': declinedResult,
  '004_recent_callbacks.sql': recentCallbacks,
  '005_call_outcomes.sql': callOutcomes,
  '006_call_control.sql': callControl,
};
