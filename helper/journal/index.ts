export { startCallJournal, ACTIVE_CALLS_FILE } from './start-call-journal';
export type {
  JournalLogger,
  RunningCallJournal,
  StartCallJournalOptions,
} from './start-call-journal';
export { CallJournal } from './call-journal';
export type { CallJournalOptions, RecordingSource } from './call-journal';
export { DurableJournal } from './durable-journal';
export type { DurableJournalOptions, JournalHealth } from './durable-journal';
export { DurableJournalReader } from './durable-journal-reader';
export { DEFAULT_JOURNAL_SETTINGS } from '../config/journal-settings';
export type { JournalSettings } from '../config/journal-settings';
export type { JournalEntry, JournalRecord, RecordingRef } from './entry';
export { MIGRATE_ENV, migrateAdminFromEnv, runMigrateCommand } from './run-migrate-command';
export type { MigrateCommandOptions } from './run-migrate-command';
export { directoryMigrations, textMigrations } from './migration-source';
export type { Migration, MigrationSource } from './migration-source';
export { CallNotEndedError, JournalClosedError, JournalSpoolError } from './errors';
