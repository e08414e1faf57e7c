/**
 * Near-duplicate search over normalized question texts, without comparing all pairs.
 *
 * Similarity is the Jaccard index of the texts' character bigram sets. Candidates come from prefix
 * filtering (as in the All-Pairs / PPJoin algorithms): with every set's bigrams sorted rarest first
 * by one global order, two sets with Jaccard >= t must share a bigram within the first
 * `|x| - ceil(t * |x|) + 1` of the larger one. Only those prefixes are indexed and probed, sets are
 * visited smallest first with a length filter, a positional filter prunes a candidate at its first
 * shared bigram, and verification stops as soon as the required overlap can no longer be reached.
 * Cost grows with the number of bigrams, not with the square of the number of questions.
 */

export interface SimilarPair {
  /** Indexes into the input array, `first < second`. */
  readonly first: number;
  readonly second: number;
  readonly similarity: number;
}

/** Texts shorter than this (after normalization) are too short to call "nearly the same". */
export const MIN_SIMILAR_LENGTH = 4;

/**
 * Dense ids for distinct bigrams: an open-addressing hash table keyed by the bigram's two UTF-16
 * units, grown as needed so it stays small enough for the cache. Exact: no collisions leak into
 * the ids, and no string is made per bigram.
 */
class BigramIds {
  private keys = new Uint32Array(1 << 12);
  private values = new Int32Array(1 << 12).fill(-1);
  private shift = 32 - 12;
  count = 0;

  id(key: number): number {
    // Multiplicative hashing: the high bits of the product mix all bits of the key.
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const value = this.values[slot];
      if (value < 0) break;
      if (this.keys[slot] === key) return value;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.values[slot] = this.count;
    if (++this.count * 2 > this.keys.length) this.grow();
    return this.count - 1;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (values[i] < 0) continue;
      let slot = Math.imul(keys[i], 0x9e3779b1) >>> this.shift;
      while (this.values[slot] >= 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i];
      this.values[slot] = values[i];
    }
  }
}

/** Smallest overlap two sets of sizes a and b need for Jaccard >= t. */
function requiredOverlap(t: number, a: number, b: number): number {
  return Math.ceil((t / (1 + t)) * (a + b) - 1e-9);
}

/** Sorts `data[from..to)` in place; the sets are short, where insertion sort beats a typed-array view. */
function sortRange(data: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const value = data[i];
    let j = i - 1;
    while (j >= from && data[j] > value) {
      data[j + 1] = data[j];
      j--;
    }
    data[j + 1] = value;
  }
}

/** All pairs of texts whose bigram Jaccard similarity is at least `threshold` (and which differ). */
export function findSimilarPairs(texts: readonly string[], threshold: number): SimilarPair[] {
  const t = Math.min(1, Math.max(0.01, threshold));
  const ids: number[] = [];
  let total = 0;
  for (let i = 0; i < texts.length; i++) {
    if (texts[i].length >= MIN_SIMILAR_LENGTH) {
      ids.push(i);
      total += texts[i].length - 1;
    }
  }
  if (ids.length < 2) return [];

  // Every text's distinct bigrams, as ids, in one flat array: text i owns data[start[i]..end[i]).
  const dictionary = new BigramIds();
  const data = new Int32Array(total);
  const start = new Int32Array(texts.length);
  const end = new Int32Array(texts.length);
  let at = 0;
  for (const id of ids) {
    const text = texts[id];
    start[id] = at;
    for (let i = 0; i + 1 < text.length; i++) data[at + i] = dictionary.id(((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0);
    sortRange(data, at, at + text.length - 1);
    let unique = at;
    for (let k = at; k < at + text.length - 1; k++) if (k === at || data[k] !== data[k - 1]) data[unique++] = data[k];
    end[id] = unique;
    at += text.length - 1;
  }

  // Global order: rarest bigram first. Re-express every set as sorted ranks in that order.
  const distinct = dictionary.count;
  const frequency = new Int32Array(distinct);
  for (const id of ids) for (let k = start[id]; k < end[id]; k++) frequency[data[k]]++;
  const order = Array.from({ length: distinct }, (_, i) => i).sort((a, b) => frequency[a] - frequency[b] || a - b);
  const rank = new Int32Array(distinct);
  for (let r = 0; r < distinct; r++) rank[order[r]] = r;
  const size = new Int32Array(texts.length);
  for (const id of ids) {
    for (let k = start[id]; k < end[id]; k++) data[k] = rank[data[k]];
    sortRange(data, start[id], end[id]);
    size[id] = end[id] - start[id];
  }

  // Smallest sets first, so every earlier set is no larger than the current one.
  ids.sort((a, b) => size[a] - size[b] || a - b);
  const prefixOf = (id: number): number => size[id] - Math.ceil(t * size[id] - 1e-9) + 1;

  // Postings of prefix bigrams, laid out flat (one slot range per bigram, sized in advance): each
  // slot pair holds (text, position of the bigram in that text's set). A range fills up in order of
  // set size, and sizes only grow, so entries too small for the length filter are skipped for good
  // by advancing `from`.
  const offset = new Int32Array(distinct + 1);
  for (const id of ids) {
    const prefix = prefixOf(id);
    for (let k = 0; k < prefix; k++) offset[data[start[id] + k] + 1] += 2;
  }
  for (let b = 0; b < distinct; b++) offset[b + 1] += offset[b];
  const postings = new Int32Array(offset[distinct]);
  const from = offset.slice(0, distinct);
  const filled = offset.slice(0, distinct);

  const seen = new Int32Array(texts.length).fill(-1);
  const pairs: SimilarPair[] = [];
  for (const id of ids) {
    const x = start[id];
    const xSize = size[id];
    const minSize = Math.ceil(t * xSize - 1e-9);
    const prefix = prefixOf(id);
    for (let k = 0; k < prefix; k++) {
      const token = data[x + k];
      const stop = filled[token];
      let p = from[token];
      while (p < stop && size[postings[p]] < minSize) p += 2;
      from[token] = p;
      for (; p < stop; p += 2) {
        const other = postings[p];
        if (seen[other] === id) continue;
        seen[other] = id; // the first shared bigram gives the best bound, so one look suffices
        const otherSize = size[other];
        const needed = requiredOverlap(t, xSize, otherSize);
        // Positional filter: one shared bigram here plus whatever can still follow in both sets.
        if (1 + Math.min(xSize - k - 1, otherSize - postings[p + 1] - 1) < needed) continue;
        // Nothing before the first shared bigram (k here, postings[p + 1] there) can be shared.
        const shared = overlapAtLeast(data, x + k + 1, end[id], start[other] + postings[p + 1] + 1, end[other], needed, 1);
        if (shared < 0 || texts[id] === texts[other]) continue;
        pairs.push({ first: Math.min(id, other), second: Math.max(id, other), similarity: shared / (xSize + otherSize - shared) });
      }
    }
    for (let k = 0; k < prefix; k++) {
      const token = data[x + k];
      postings[filled[token]++] = id;
      postings[filled[token]++] = k;
    }
  }
  return pairs.sort((a, b) => a.second - b.second || a.first - b.first);
}

/**
 * How many elements the sorted sets `data[i..iEnd)` and `data[j..jEnd)` share, plus `sharedSoFar`,
 * or -1 as soon as it is clear the total stays below `needed`.
 */
function overlapAtLeast(data: Int32Array, i: number, iEnd: number, j: number, jEnd: number, needed: number, sharedSoFar: number): number {
  let shared = sharedSoFar;
  while (i < iEnd && j < jEnd) {
    if (shared + Math.min(iEnd - i, jEnd - j) < needed) return -1;
    const a = data[i];
    const b = data[j];
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared >= needed ? shared : -1;
}
