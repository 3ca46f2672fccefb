import { Postings } from './postings.js';

/** What a TermIndex holds: document ids (null for removed ones), lengths, and each word's postings. */
export interface TermIndexState {
  ids: (string | null)[];
  lengths: Float32Array;
  totalLength: number;
  dead: number;
  words: ReadonlyMap<string, Postings>;
}

interface Header {
  ids: (string | null)[];
  totalLength: number;
  dead: number;
  words: string[];
  postings: number;
}

const align4 = (n: number): number => (n + 3) & ~3;

/**
 * Term indexes as one buffer: a JSON header (ids and words), then per index its lengths,
 * each word's offset, and every posting's document and count as typed arrays. Loading is a
 * copy and views over it, so a saved index serves in milliseconds instead of being rebuilt.
 */
export function encodeIndexes(states: readonly TermIndexState[]): Buffer {
  const headers: Header[] = [];
  const parts: ArrayBufferView[] = [];
  for (const state of states) {
    const words = [...state.words.keys()];
    let total = 0;
    for (const postings of state.words.values()) total += postings.length;
    const offsets = new Uint32Array(words.length + 1);
    const docs = new Uint32Array(total);
    const counts = new Uint8Array(align4(total));
    let at = 0;
    words.forEach((word, i) => {
      const postings = state.words.get(word)!;
      offsets[i] = at;
      docs.set(postings.docs.subarray(0, postings.length), at);
      counts.set(postings.counts.subarray(0, postings.length), at);
      at += postings.length;
    });
    offsets[words.length] = at;
    headers.push({ ids: state.ids, totalLength: state.totalLength, dead: state.dead, words, postings: total });
    parts.push(Float32Array.from(state.lengths.subarray(0, state.ids.length)), offsets, docs, counts);
  }
  const json = Buffer.from(JSON.stringify(headers));
  const head = Buffer.alloc(4 + align4(json.length));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  return Buffer.concat([head, ...parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))]);
}

export function decodeIndexes(bytes: Buffer): TermIndexState[] {
  // One aligned copy: typed arrays need offsets that are multiples of their element size.
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  const jsonLength = bytes.readUInt32LE(0);
  const headers = JSON.parse(bytes.subarray(4, 4 + jsonLength).toString('utf8')) as Header[];
  let at = 4 + align4(jsonLength);
  const take = <T>(make: (offset: number, length: number) => T, length: number, size: number): T => {
    const view = make(at, length);
    at += align4(length * size);
    if (at > bytes.length) throw new Error('saved index is truncated');
    return view;
  };
  return headers.map((header) => {
    const lengths = take((o, n) => new Float32Array(buffer, o, n), header.ids.length, 4);
    const offsets = take((o, n) => new Uint32Array(buffer, o, n), header.words.length + 1, 4);
    const docs = take((o, n) => new Uint32Array(buffer, o, n), header.postings, 4);
    const counts = take((o, n) => new Uint8Array(buffer, o, n), header.postings, 1);
    const words = new Map<string, Postings>();
    header.words.forEach((word, i) => {
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      words.set(word, Postings.over(docs.subarray(from, to), counts.subarray(from, to)));
    });
    return { ids: header.ids, lengths, totalLength: header.totalLength, dead: header.dead, words };
  });
}
