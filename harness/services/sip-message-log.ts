import { readFileSync } from 'node:fs';

/** A SIP request as sipp logged it (`-trace_msg`). */
export interface LoggedSipMessage {
  readonly direction: 'received' | 'sent';
  /** Request line or status line. */
  readonly startLine: string;
  /** Header values by lower-case name; repeated headers joined by `\n`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly raw: string;
}

const BLOCK_SEPARATOR = /^-{20,} .*$/m;

/** Parses a sipp message log; a missing file means nothing was exchanged yet. */
export function readSipMessageLog(path: string): LoggedSipMessage[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const messages: LoggedSipMessage[] = [];
  for (const block of text.split(BLOCK_SEPARATOR)) {
    const match = /^\s*\w+ message (received|sent)[^\n]*\n\n([\s\S]*)$/.exec(block);
    if (!match?.[2]) continue;
    const raw = match[2].replace(/\r/g, '').trim();
    const [head = ''] = raw.split('\n\n');
    const [startLine = '', ...headerLines] = head.split('\n');
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}\n${value}` : value;
    }
    messages.push({ direction: match[1] as 'received' | 'sent', startLine, headers, raw });
  }
  return messages;
}
