/**
 * A list of records of one kind (mentions, term uses, references, problems) held as columns, to cross threads
 * cheaply, and read back in steps of a few thousand records so that the thread that reads them can yield between:
 * - a key whose every value is a number: one typed array;
 * - a key whose values are strings, booleans or absent: indexes into the list's distinct values (a term's key, an
 *   agency's id, a kind: a few hundred at most);
 * - a `text` that is the document's text from the record's start to its end: nothing at all, it is read from the text;
 * - a key with objects among its values (a reference's steps, a citation's target): JSON, UTF-8, a piece per step.
 * Every array travels in a buffer of its own, moved, not copied (`columnBuffers`). Decoding makes records with the
 * same keys and values.
 */

export interface RecordColumns {
  count: number;
  keys: string[];
  /** Whether every record has every key: the records are then made as copies of one shape, sized for their keys. */
  complete: boolean;
  columns: Column[];
  /** The distinct values of the `values` columns (undefined among them where a record lacks the key). */
  values: unknown[];
}

type Column =
  | { kind: 'numbers'; numbers: Float64Array }
  | { kind: 'values'; indexes: Uint32Array }
  | { kind: 'source' }
  /**
   * Per step, a JSON array of the records' values; `wrapped` when some record lacks the key (or has null): then each
   * value as [value], and 0 for none. `ends`: where each step's array ends in `bytes`.
   */
  | { kind: 'json'; bytes: Uint8Array; ends: number[]; wrapped: boolean };

/** Records made between two looks at the clock: a millisecond or two. */
const ROWS_PER_STEP = 4096;

/** A record's text as the document's text between its offsets. */
interface Located {
  start: number;
  end: number;
  text: string;
}

type Row = Record<string, unknown>;

export function encodeRecords(list: readonly object[], documentText: string): RecordColumns {
  const rows = list as readonly Row[];
  const keys = keysOf(rows);
  const complete = rows.every((record) => keys.every((key) => record[key] !== undefined));
  const values = new DistinctValues();
  const columns = keys.map((key, k): Column => {
    if (key === 'text' && k > Math.max(keys.indexOf('start'), keys.indexOf('end')) && textsAreSource(rows, documentText)) return { kind: 'source' };
    return numbersOf(rows, key) ?? indexesOf(rows, key, values) ?? jsonOf(rows, key);
  });
  return { count: list.length, keys, complete, columns, values: values.list };
}

/** The buffers of the columns, to move with them. */
export function columnBuffers(encoded: RecordColumns): ArrayBuffer[] {
  return encoded.columns.flatMap((column) => {
    if (column.kind === 'numbers') return [column.numbers.buffer as ArrayBuffer];
    if (column.kind === 'values') return [column.indexes.buffer as ArrayBuffer];
    return column.kind === 'json' ? [column.bytes.buffer as ArrayBuffer] : [];
  });
}

/** The records, pushed onto `into` a step at a time. */
export function* decodeRecords(encoded: RecordColumns, documentText: string, into: unknown[]): Generator<void> {
  const decoder = new TextDecoder();
  const shape = encoded.complete ? Object.fromEntries(encoded.keys.map((key) => [key, undefined])) as Row : undefined;
  for (let step = 0, from = 0; from < encoded.count; step++, from += ROWS_PER_STEP) {
    const readers = encoded.columns.map((column) => readerOf(column, encoded.values, documentText, decoder, step, from));
    const to = Math.min(encoded.count, from + ROWS_PER_STEP);
    for (let row = from; row < to; row++) {
      // A copy of the shape has room for every key, in order: no object grows key by key (V8 would reallocate it).
      const record: Row = shape ? { ...shape } : {};
      for (let k = 0; k < readers.length; k++) {
        const value = readers[k]!(row, record);
        if (value !== undefined) record[encoded.keys[k]!] = value;
      }
      into.push(record);
    }
    yield;
  }
}

/** How a column's value of a row is read, in a step that starts at row `from`. */
function readerOf(column: Column, values: readonly unknown[], documentText: string, decoder: TextDecoder, step: number, from: number): (row: number, record: Row) => unknown {
  switch (column.kind) {
    case 'numbers': return (row) => column.numbers[row];
    case 'values': return (row) => values[column.indexes[row]!];
    case 'source': return (_, record) => documentText.slice(record.start as number, record.end as number);
    case 'json': {
      const pieceStart = step === 0 ? 0 : column.ends[step - 1]!;
      const piece = JSON.parse(decoder.decode(column.bytes.subarray(pieceStart, column.ends[step]!))) as unknown[];
      if (!column.wrapped) return (row) => piece[row - from];
      return (row) => piece[row - from] === 0 ? undefined : (piece[row - from] as [unknown])[0];
    }
  }
}

/** Every key of the records, in the order they first appear. */
function keysOf(rows: readonly Row[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const record of rows) {
    for (const key in record) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  return keys;
}

function textsAreSource(rows: readonly Partial<Located>[], documentText: string): boolean {
  return rows.every((record) => typeof record.start === 'number' && typeof record.end === 'number' && record.text === documentText.slice(record.start, record.end));
}

/** The key's values as numbers, when every record has a number there. */
function numbersOf(rows: readonly Row[], key: string): Column | undefined {
  const numbers = new Float64Array(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]![key];
    if (typeof value !== 'number') return undefined;
    numbers[row] = value;
  }
  return { kind: 'numbers', numbers };
}

/** The key's values as indexes into the distinct values, when none is an object. */
function indexesOf(rows: readonly Row[], key: string, values: DistinctValues): Column | undefined {
  const indexes = new Uint32Array(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const value = rows[row]![key];
    if (typeof value === 'object' && value !== null) return undefined;
    indexes[row] = values.indexOf(value);
  }
  return { kind: 'values', indexes };
}

function jsonOf(rows: readonly Row[], key: string): Column {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  const ends: number[] = [];
  let length = 0;
  // A key set to undefined is absent, as JSON would have it (in an array it would be null).
  const wrapped = rows.some((record) => record[key] === undefined || record[key] === null);
  for (let from = 0; from < rows.length; from += ROWS_PER_STEP) {
    const step = rows.slice(from, from + ROWS_PER_STEP).map((record) => (!wrapped ? record[key] : record[key] !== undefined ? [record[key]] : 0));
    const piece = encoder.encode(JSON.stringify(step));
    pieces.push(piece);
    ends.push((length += piece.length));
  }
  return { kind: 'json', bytes: joined(pieces, length), ends, wrapped };
}

function joined(pieces: readonly Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

class DistinctValues {
  readonly list: unknown[] = [];
  private readonly indexes = new Map<unknown, number>();

  indexOf(value: unknown): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.list.push(value) - 1;
      this.indexes.set(value, index);
    }
    return index;
  }
}
