import { RecordingIndex } from './recording-index';

export { RecordingIndex, MIXMONITOR_VARIABLE } from './recording-index';
export type { RecordingIndexOptions } from './recording-index';
export { buildRecordingUrl, checkRecordingTemplate } from '../../config/recording-url';
export { RecordingTemplateError } from '../../config/recording-url';

/** The `[recording]` configuration. */
export interface RecordingSettings {
  /** Link with {file}, {basename} or {date}; empty keeps the file name without a link. */
  readonly urlTemplate: string;
}

export const DEFAULT_RECORDING_SETTINGS: RecordingSettings = { urlTemplate: '' };

/** Feed it every AMI event (`onFrame`); ask it by call id for the card and the journal. */
export function createRecordingIndex(settings: RecordingSettings): RecordingIndex {
  return new RecordingIndex({ urlTemplate: settings.urlTemplate });
}
