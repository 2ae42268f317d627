import { tr } from '../core/cli-text';
import './russian';

/** The recording link template cannot produce a link operators could open. */
export class RecordingTemplateError extends Error {
  override readonly name = 'RecordingTemplateError';

  constructor(
    /** What is wrong with the template, without the key. */
    readonly problem: string,
  ) {
    super(
      `recording.urlTemplate ${problem}: ${tr`write an http(s) address with the placeholders {file}, {basename} or {date}, e.g. https://pbx.example.com/recordings/{date}/{basename}`}`,
    );
  }
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(['file', 'basename', 'date']);
const MAX_URL_LENGTH = 2048;

/** Throws RecordingTemplateError unless the template is an http(s) URL with known placeholders. */
export function checkRecordingTemplate(template: string): void {
  if (!/^https?:\/\/[^\s/{}]+/.test(template)) {
    throw new RecordingTemplateError(tr`must start with http:// or https:// and a host name`);
  }
  if (/\s/.test(template)) throw new RecordingTemplateError(tr`must not contain spaces`);
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(match[1] ?? '')) {
      throw new RecordingTemplateError(tr`has an unknown placeholder ${`{${match[1] ?? ''}}`}`);
    }
  }
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY/MM/DD` of the local date: the layout FreePBX-style monitor folders use. */
export function recordingDate(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())}`;
}

export function basenameOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(cut + 1);
}

/**
 * The operators' link to a recording: `{file}` is the path the PBX reported, `{basename}`
 * its last part, `{date}` the recording's local date as `YYYY/MM/DD`; each is URL-encoded.
 * Undefined when the result would be too long for the journal.
 */
export function buildRecordingUrl(
  template: string,
  recording: { readonly file: string; readonly at: number },
): string | undefined {
  const values: Record<string, string> = {
    file: encodePath(recording.file.replace(/^\/+/, '')),
    basename: encodeURIComponent(basenameOf(recording.file)),
    date: recordingDate(recording.at),
  };
  const url = template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  return url.length <= MAX_URL_LENGTH ? url : undefined;
}
