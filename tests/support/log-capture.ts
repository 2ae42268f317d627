import { Writable } from 'node:stream';

/** Collects every line a logger writes, so tests can read and scan them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line) this.lines.push(line);
    done();
  }

  text(): string {
    return this.lines.join('\n');
  }
}
