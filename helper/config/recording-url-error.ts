/** The recording link template cannot produce a link operators could open. */
export class RecordingTemplateError extends Error {
  override readonly name = 'RecordingTemplateError';

  constructor(problem: string) {
    super(
      `recording.urlTemplate ${problem}: write an http(s) address with the placeholders ` +
        '{file}, {basename} or {date}, e.g. https://pbx.example.com/recordings/{date}/{basename}',
    );
  }
}
