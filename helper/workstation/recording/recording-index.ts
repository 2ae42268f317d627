import { header, type AmiFrame } from '../../ami/frame';
import type { RecordingRef } from '../../journal/entry';
import { buildRecordingUrl, checkRecordingTemplate } from '../../config/recording-url';

export interface RecordingIndexOptions {
  /** Link template (`recording.urlTemplate`); empty keeps the file name without a link. */
  readonly urlTemplate: string;
  /** The channel variable holding the file name; MixMonitor sets `MIXMONITOR_FILENAME`. */
  readonly variable?: string;
  /** Calls remembered at once; the oldest are forgotten beyond it. */
  readonly capacity?: number;
  readonly now?: () => number;
}

export const MIXMONITOR_VARIABLE = 'MIXMONITOR_FILENAME';
const MAX_FILE_LENGTH = 1024;

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

interface Captured {
  readonly file: string;
  readonly at: number;
}

/**
 * The recording of each call, from the `VarSet` events the PBX sends when MixMonitor
 * starts (one per recorded channel; the first one of a call is kept, as it covers the
 * operator's conversation). Feed it every AMI event; ask it by call id (Linkedid).
 */
export class RecordingIndex {
  private readonly files = new Map<string, Captured>();
  private readonly variable: string;
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(private readonly options: RecordingIndexOptions) {
    if (options.urlTemplate.length > 0) checkRecordingTemplate(options.urlTemplate);
    this.variable = (options.variable ?? MIXMONITOR_VARIABLE).toUpperCase();
    this.capacity = options.capacity ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes one AMI event; anything but the recording variable is ignored cheaply. */
  observe(frame: AmiFrame): void {
    if (frame['Event'] !== 'VarSet') return;
    if (header(frame, 'Variable')?.toUpperCase() !== this.variable) return;
    const callId = header(frame, 'Linkedid') ?? header(frame, 'Uniqueid');
    const file = header(frame, 'Value')?.trim();
    if (!callId || !file || file.length > MAX_FILE_LENGTH || hasControlCharacter(file)) return;
    if (this.files.has(callId)) return;
    this.files.set(callId, { file, at: this.now() });
    if (this.files.size > this.capacity) {
      const oldest = this.files.keys().next();
      if (oldest.done !== true) this.files.delete(oldest.value);
    }
  }

  recordingFor(callId: string): RecordingRef | undefined {
    const captured = this.files.get(callId);
    if (captured === undefined) return undefined;
    const url =
      this.options.urlTemplate.length > 0
        ? buildRecordingUrl(this.options.urlTemplate, captured)
        : undefined;
    return { file: captured.file, ...(url ? { url } : {}) };
  }

  /** The link for a call's card (`CallView.recordingUrl`), when there is one. */
  urlFor(callId: string): string | undefined {
    return this.recordingFor(callId)?.url;
  }
}
