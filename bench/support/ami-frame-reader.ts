/** One AMI message: its `Key: Value` lines, first value of a repeated key kept. */
export type AmiFields = Readonly<Record<string, string>>;

const FRAME_END = '\r\n\r\n';

/**
 * Splits the bytes the PBX sends into AMI messages, independently of the helper's own
 * parser, so what the relay observes does not depend on the code being measured.
 */
export class AmiFrameReader {
  private pending = '';

  feed(chunk: Buffer): AmiFields[] {
    this.pending += chunk.toString('latin1');
    const frames: AmiFields[] = [];
    let end = this.pending.indexOf(FRAME_END);
    while (end >= 0) {
      const block = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + FRAME_END.length);
      const fields: Record<string, string> = {};
      for (const line of block.split('\r\n')) {
        const colon = line.indexOf(': ');
        if (colon <= 0) continue;
        const key = line.slice(0, colon);
        fields[key] ??= line.slice(colon + 2);
      }
      frames.push(fields);
      end = this.pending.indexOf(FRAME_END);
    }
    return frames;
  }
}
