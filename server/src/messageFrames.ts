/**
 * The protocol's input cut into messages: header lines (`Name: value`), a blank line, then Content-Length bytes of
 * UTF-8 JSON. A body that spans reads is decoded as its bytes arrive (a streaming decoder: a character cut between two
 * reads is decoded whole), so that when the last byte of a 10 MB didOpen comes, its text is ready but for that read:
 * decoding, the larger part of reading a message, overlaps with the transfer instead of following it. Lenient where that costs nothing: header
 * names in any case, other headers (Content-Type) ignored, LF line ends as well as CRLF, blank lines between messages.
 * A header that cannot be read is reported and skipped: reading resumes at the next `Content-Length:`, so one bad
 * message never stops the stream, and a line that is no header is reported as soon as it ends, never waited on.
 */
export interface FrameSink {
  /** A message's body, whole, as text. */
  message(body: string): void;
  /** A header that could not be read, why; what follows it up to the next `Content-Length:` is skipped. */
  malformed(reason: string): void;
}

/** A header block this long without its blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Longer bodies could not be held as one string (V8 caps strings at 2^29 code units); one is refused, not awaited. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;
/** Where reading resumes after a malformed header, in the spellings clients use. */
const RESUME_MARKERS = ['Content-Length:', 'content-length:'];
const MARKER_LENGTH = RESUME_MARKERS[0]!.length;
const EMPTY = Buffer.alloc(0);

type Header = { bodyStart: number; length: number } | { error: string } | 'incomplete';

export class MessageFrames {
  /** Bytes not read yet, from the start of a header (or bytes skipped after a malformed one). */
  private head: Buffer = EMPTY;
  /** The body being received: its length in bytes (-1: none), the bytes and the text so far. */
  private bodyLength = -1;
  private received = 0;
  private text = '';
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** After a malformed header: skipping to the next `Content-Length:`. */
  private skipping = false;

  constructor(private readonly sink: FrameSink) {}

  push(chunk: Buffer): void {
    if (this.bodyLength < 0) {
      this.head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
    } else {
      const missing = this.bodyLength - this.received;
      if (chunk.length < missing) {
        this.text += this.decoder.decode(chunk, { stream: true });
        this.received += chunk.length;
        return;
      }
      const body = this.text + this.decoder.decode(chunk.subarray(0, missing));
      this.text = '';
      this.received = 0;
      this.bodyLength = -1;
      this.head = chunk.subarray(missing);
      this.sink.message(body);
    }
    this.readMessages();
  }

  private readMessages(): void {
    for (;;) {
      if (this.skipping && !this.resume()) return;
      this.head = this.head.subarray(leadingLineEnds(this.head));
      const header = readHeader(this.head);
      if (header === 'incomplete') return;
      if ('error' in header) {
        this.sink.malformed(header.error);
        this.skipping = true;
        this.head = this.head.subarray(1);
        continue;
      }
      const bodyEnd = header.bodyStart + header.length;
      if (bodyEnd > this.head.length) return this.awaitBody(header);
      const body = this.head.toString('utf8', header.bodyStart, bodyEnd);
      this.head = this.head.subarray(bodyEnd);
      this.sink.message(body);
    }
  }

  private awaitBody(header: { bodyStart: number; length: number }): void {
    const start = this.head.subarray(header.bodyStart);
    this.bodyLength = header.length;
    this.received = start.length;
    this.text = this.decoder.decode(start, { stream: true });
    this.head = EMPTY;
  }

  /** Drops bytes up to the next `Content-Length:`; false while there is none yet (its possible start is kept). */
  private resume(): boolean {
    const found = RESUME_MARKERS.map((marker) => this.head.indexOf(marker)).filter((at) => at >= 0);
    if (found.length === 0) {
      this.head = this.head.subarray(Math.max(0, this.head.length - (MARKER_LENGTH - 1)));
      return false;
    }
    this.head = this.head.subarray(Math.min(...found));
    this.skipping = false;
    return true;
  }
}

function leadingLineEnds(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length && (bytes[at] === LF || bytes[at] === CR)) at++;
  return at;
}

/** The header at the start of `bytes`, each line checked as soon as it is complete. */
function readHeader(bytes: Buffer): Header {
  let length: number | undefined;
  for (let start = 0; ;) {
    const end = bytes.indexOf(LF, start);
    if ((end < 0 ? bytes.length : end) > MAX_HEADER_BYTES) return { error: `no end of the header in its first ${MAX_HEADER_BYTES} bytes` };
    if (end < 0) return 'incomplete';
    const line = bytes.toString('latin1', start, end > start && bytes[end - 1] === CR ? end - 1 : end);
    start = end + 1;
    if (line === '') return length === undefined ? { error: 'a header without Content-Length' } : { bodyStart: start, length };
    const colon = line.indexOf(':');
    if (colon < 0) return { error: `a header line without a colon: ${JSON.stringify(line.slice(0, 80))}` };
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return { error: `a Content-Length that is not a number: ${JSON.stringify(value.slice(0, 80))}` };
    length = Number(value);
    if (length > MAX_BODY_BYTES) return { error: `a Content-Length over ${MAX_BODY_BYTES} bytes: ${value}` };
  }
}
