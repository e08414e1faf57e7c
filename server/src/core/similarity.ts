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
 *
 * At high thresholds (the default 0.9) a partition filter is used instead (see {@link partitionJoin}):
 * it verifies far fewer candidates when the vocabulary is small and prefix posting lists are long.
 * Both filters are exact and give the same pairs.
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
/**
 * How candidates are found: `prefix` filtering, `partition` (pigeonhole) signatures, or `auto`
 * (partition when the sets are large enough for its groups to be selective). Every method gives
 * exactly the same pairs; the choice only changes speed (tests force each one).
 */
export type SimilarityMethod = 'auto' | 'prefix' | 'partition';

export function findSimilarPairs(texts: readonly string[], threshold: number, method: SimilarityMethod = 'auto'): SimilarPair[] {
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

  // Every text's distinct bigrams (the two UTF-16 units in one number), sorted, in one flat array:
  // text i owns data[start[i]..end[i]).
  const data = new Int32Array(total);
  const start = new Int32Array(texts.length);
  const end = new Int32Array(texts.length);
  let at = 0;
  for (const id of ids) {
    const text = texts[id];
    start[id] = at;
    const count = text.length - 1;
    let previous = text.charCodeAt(0);
    for (let i = 0; i < count; i++) {
      const next = text.charCodeAt(i + 1);
      data[at + i] = (previous << 16) | next;
      previous = next;
    }
    sortRange(data, at, at + count);
    let unique = at;
    for (let k = at; k < at + count; k++) if (k === at || data[k] !== data[k - 1]) data[unique++] = data[k];
    end[id] = unique;
    at += count;
  }

  if (method === 'partition' || (method === 'auto' && partitionPays(ids, start, end, t))) {
    return partitionJoin(texts, ids, data, start, end, t);
  }

  // Dense ids for the bigrams (sets stay distinct: the mapping is one to one).
  const dictionary = new BigramIds();
  for (const id of ids) for (let k = start[id]; k < end[id]; k++) data[k] = dictionary.id(data[k] >>> 0);

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
  let maxSize = 0;
  for (const id of ids) if (size[id] > maxSize) maxSize = size[id];
  sortBySize(ids, size, maxSize);
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
 * The most elements two sets with Jaccard >= t can differ in (|x Δ y|), where x has `a` elements
 * and y any size the length filter pairs it with (`ceil(t a) <= |y| <= a`); -1 when none can pair.
 */
function maxDifference(t: number, a: number): number {
  let most = -1;
  for (let b = Math.max(1, Math.ceil(t * a - 1e-9)); b <= a; b++) {
    const needed = requiredOverlap(t, a, b);
    if (needed <= b && a + b - 2 * needed > most) most = a + b - 2 * needed;
  }
  return most;
}

/** The group (of `parts`) a bigram id falls in: the same for every set, so groups can be compared. */
function groupOf(token: number, parts: number): number {
  return ((Math.imul(token, 0x9e3779b1) >>> 16) * parts) >>> 16; // multiply-shift: no division
}

/**
 * For each set size a: how many groups sets of that size are split into when probing (one more
 * than {@link maxDifference}, 0 when no pair is possible), and for each size b the distinct group
 * counts of every size a that may probe a set of size b (`b <= a`, `ceil(t a) <= b`).
 */
function partitionPlan(t: number, maxSize: number): { probeParts: Int32Array; indexParts: number[][] } {
  const probeParts = new Int32Array(maxSize + 1);
  for (let a = 1; a <= maxSize; a++) probeParts[a] = maxDifference(t, a) + 1;
  const indexParts: number[][] = [[]];
  for (let b = 1; b <= maxSize; b++) {
    const list: number[] = [];
    for (let a = b; a <= maxSize && Math.ceil(t * a - 1e-9) <= b; a++) {
      const parts = probeParts[a];
      if (parts > 0 && !list.includes(parts)) list.push(parts);
    }
    indexParts.push(list);
  }
  return { probeParts, indexParts };
}

/**
 * Whether partition signatures will be selective here: a group that is empty in two sets matches
 * whatever else they hold, so it pays only when few sets are likely to have an empty group (high
 * thresholds, where sets are split into few large groups).
 */
function partitionPays(ids: readonly number[], start: Int32Array, end: Int32Array, t: number): boolean {
  let maxSize = 0;
  for (const id of ids) maxSize = Math.max(maxSize, end[id] - start[id]);
  const { probeParts } = partitionPlan(t, maxSize);
  const setsOfSize = new Int32Array(maxSize + 1);
  for (const id of ids) setsOfSize[end[id] - start[id]]++;
  // Expected number of sets with an empty group (at most one each).
  let emptyGroups = 0;
  for (let size = 1; size <= maxSize; size++) {
    const parts = probeParts[size];
    if (parts > 1) emptyGroups += setsOfSize[size] * Math.min(1, parts * Math.pow(1 - 1 / parts, size));
  }
  return emptyGroups <= 0.01 * ids.length;
}

/** Hashes of the groups of the sorted set `data[from..to)` split `parts` ways, into `hashes[0..parts)`. */
function groupHashes(data: Int32Array, from: number, to: number, parts: number, hashes: Int32Array): void {
  for (let g = 0; g < parts; g++) hashes[g] = Math.imul(parts, 0x85ebca6b) ^ Math.imul(g + 1, 0xc2b2ae35);
  for (let k = from; k < to; k++) {
    const token = data[k];
    const g = groupOf(token, parts);
    hashes[g] = (Math.imul(hashes[g] ^ token, 0x01000193) + 0x6b43a9b5) | 0;
  }
  for (let g = 0; g < parts; g++) {
    let h = hashes[g];
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    hashes[g] = h ^ (h >>> 16);
  }
}

/** Sorts `ids` (ascending) by `size`, ties in id order: a counting sort (sizes are small numbers). */
function sortBySize(ids: number[], size: Int32Array, maxSize: number): void {
  const next = new Int32Array(maxSize + 2);
  for (const id of ids) next[size[id] + 1]++;
  for (let s = 0; s <= maxSize; s++) next[s + 1] += next[s];
  const sorted = new Int32Array(ids.length);
  for (const id of ids) sorted[next[size[id]]++] = id;
  for (let i = 0; i < ids.length; i++) ids[i] = sorted[i];
}

/**
 * Partition filtering (pigeonhole): if two sets differ in at most k elements, then splitting the
 * bigram universe into k + 1 groups (by a hash of the bigram) leaves at least one group where both
 * sets hold exactly the same bigrams. Each set is indexed by the hash of each of its groups (once
 * per group count a larger set may probe it with), and probed the same way: only sets that share a
 * whole group are verified. `data[start[i]..end[i])` holds text i's distinct bigram ids, sorted.
 */
function partitionJoin(texts: readonly string[], ids: number[], data: Int32Array, start: Int32Array, end: Int32Array, t: number): SimilarPair[] {
  const size = new Int32Array(texts.length);
  let maxSize = 0;
  for (const id of ids) {
    size[id] = end[id] - start[id];
    if (size[id] > maxSize) maxSize = size[id];
  }
  sortBySize(ids, size, maxSize);
  const { probeParts, indexParts } = partitionPlan(t, maxSize);

  // The signature index: chained hash table over (group hash → set), sized in advance.
  let entries = 0;
  let mostParts = 1;
  for (const id of ids) {
    for (const parts of indexParts[size[id]]) {
      entries += parts;
      if (parts > mostParts) mostParts = parts;
    }
  }
  let bits = 4;
  while (1 << bits < entries * 2) bits++;
  const shift = 32 - bits;
  const heads = new Int32Array(1 << bits).fill(-1);
  const entryHash = new Int32Array(entries);
  const entrySet = new Int32Array(entries);
  const entryNext = new Int32Array(entries);
  let entryCount = 0;
  const hashes = new Int32Array(mostParts);

  const seen = new Int32Array(texts.length).fill(-1);
  const pairs: SimilarPair[] = [];
  for (const id of ids) {
    const xSize = size[id];
    const parts = probeParts[xSize];
    if (parts > 0) {
      const minSize = Math.ceil(t * xSize - 1e-9);
      groupHashes(data, start[id], end[id], parts, hashes);
      for (let g = 0; g < parts; g++) {
        const h = hashes[g];
        for (let e = heads[Math.imul(h, 0x9e3779b1) >>> shift]; e >= 0; e = entryNext[e]) {
          if (entryHash[e] !== h) continue;
          const other = entrySet[e];
          if (seen[other] === id) continue;
          seen[other] = id;
          const otherSize = size[other];
          if (otherSize < minSize) continue;
          const needed = requiredOverlap(t, xSize, otherSize);
          if (needed > otherSize) continue;
          const shared = overlapAtLeast(data, start[id], end[id], start[other], end[other], needed, 0);
          if (shared < 0 || texts[id] === texts[other]) continue;
          pairs.push({ first: Math.min(id, other), second: Math.max(id, other), similarity: shared / (xSize + otherSize - shared) });
        }
      }
    }
    let hashed = parts; // the group count `hashes` holds (the probe's, when it probed)
    for (const indexed of indexParts[xSize]) {
      if (indexed !== hashed) groupHashes(data, start[id], end[id], (hashed = indexed), hashes);
      for (let g = 0; g < indexed; g++) {
        const h = hashes[g];
        const slot = Math.imul(h, 0x9e3779b1) >>> shift;
        entryHash[entryCount] = h;
        entrySet[entryCount] = id;
        entryNext[entryCount] = heads[slot];
        heads[slot] = entryCount++;
      }
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
