/** One answer of the PBX to an AGI command. */
export interface AgiReply {
  /** `200` success, `510` unknown command, `511` dead channel, `520` usage. */
  readonly code: number;
  /** The `result=` value: `1`, `0`, `-1`, a digit's code… Empty when the line had none. */
  readonly result: string;
  /** The text in parentheses after the result (`GET VARIABLE`'s value), if any. */
  readonly data: string | undefined;
  /** The whole line after the code, for error messages. */
  readonly text: string;
}

const REPLY = /^(\d{3})[ -](.*)$/;
const RESULT = /^result=(\S*)(?:\s+\((.*)\))?/;

/** Reads a final reply line such as `200 result=1 (value)`; undefined if it is not one. */
export function parseReplyLine(line: string): AgiReply | undefined {
  const match = REPLY.exec(line);
  if (match === null) return undefined;
  const code = Number(match[1]);
  const text = match[2] ?? '';
  const result = RESULT.exec(text);
  return {
    code,
    result: result?.[1] ?? '',
    data: result?.[2],
    text,
  };
}
