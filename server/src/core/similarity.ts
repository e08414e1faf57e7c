/**
 * Near-duplicate search over normalized question texts, without comparing all pairs.
 *
 * Similarity is the Jaccard index of the texts' character bigram sets. Candidates come from prefix
 * filtering (as in the All-Pairs / PPJoin algorithms): with every set's bigrams sorted rarest first
 * by one global order, two sets with Jaccard >= t must share a bigram within the first
 * `|x| - ceil(t * |x|) + 1` of the larger one. Only those prefixes are indexed and probed, sets are
 * visited smallest first with a length filter, and each candidate pair is verified exactly.
 * Cost grows with the number of bigrams, not with the square of the number of questions.
 */

export interface SimilarPair {
  /** Indexes into the input array, `first < second`. */
  readonly first: number;
  readonly second: number;
  readonly similarity: number;
}

const BUCKET_BITS = 20;
const BUCKETS = 1 << BUCKET_BITS;
const BUCKET_MASK = BUCKETS - 1;

/** Texts shorter than this (after normalization) are too short to call "nearly the same". */
export const MIN_SIMILAR_LENGTH = 4;

function bucketOf(text: string, i: number): number {
  // Bigram hashed into 2^20 buckets (Knuth multiplicative hash of the two UTF-16 units).
  const pair = (text.charCodeAt(i) << 16) ^ text.charCodeAt(i + 1);
  return Math.imul(pair, 0x9e3779b1) >>> (32 - BUCKET_BITS);
}

function bucketsOf(text: string): Int32Array {
  const result = new Int32Array(Math.max(1, text.length - 1));
  if (text.length === 1) result[0] = text.charCodeAt(0) & BUCKET_MASK;
  for (let i = 0; i + 1 < text.length; i++) result[i] = bucketOf(text, i);
  return result;
}

/** All pairs of texts whose bigram Jaccard similarity is at least `threshold` (and which differ). */
export function findSimilarPairs(texts: readonly string[], threshold: number): SimilarPair[] {
  const t = Math.min(1, Math.max(0.01, threshold));
  const ids: number[] = [];
  for (let i = 0; i < texts.length; i++) if (texts[i].length >= MIN_SIMILAR_LENGTH) ids.push(i);
  if (ids.length < 2) return [];

  // Bucketed bigrams of every text, and how many texts hold each bucket.
  const frequency = new Int32Array(BUCKETS);
  const raw: Int32Array[] = new Array(texts.length);
  for (const id of ids) {
    const buckets = bucketsOf(texts[id]).sort();
    let unique = 0;
    for (let k = 0; k < buckets.length; k++) {
      if (k === 0 || buckets[k] !== buckets[k - 1]) buckets[unique++] = buckets[k];
    }
    const set = buckets.subarray(0, unique);
    raw[id] = set;
    for (let k = 0; k < set.length; k++) frequency[set[k]]++;
  }

  // Global order: rarest bucket first. Re-express every set as sorted ranks in that order.
  const used: number[] = [];
  for (let b = 0; b < BUCKETS; b++) if (frequency[b] > 0) used.push(b);
  used.sort((a, b) => frequency[a] - frequency[b] || a - b);
  const rank = new Int32Array(BUCKETS);
  for (let r = 0; r < used.length; r++) rank[used[r]] = r;
  const sets: Int32Array[] = new Array(texts.length);
  for (const id of ids) {
    const set = raw[id];
    const ranked = new Int32Array(set.length);
    for (let k = 0; k < set.length; k++) ranked[k] = rank[set[k]];
    sets[id] = ranked.sort();
  }

  // Smallest sets first, so every earlier set is no larger than the current one.
  ids.sort((a, b) => sets[a].length - sets[b].length || a - b);
  const index: number[][] = new Array(used.length);
  const seen = new Int32Array(texts.length).fill(-1);
  const pairs: SimilarPair[] = [];
  for (const id of ids) {
    const set = sets[id];
    const size = set.length;
    const minSize = Math.ceil(t * size - 1e-9);
    const prefix = size - minSize + 1;
    for (let k = 0; k < prefix && k < size; k++) {
      const postings = index[set[k]];
      if (!postings) continue;
      for (const other of postings) {
        if (seen[other] === id) continue;
        seen[other] = id;
        if (sets[other].length < minSize) continue;
        const similarity = jaccard(set, sets[other]);
        if (similarity >= t && texts[id] !== texts[other] && exactJaccard(texts[id], texts[other]) >= t) {
          pairs.push({ first: Math.min(id, other), second: Math.max(id, other), similarity: exactJaccard(texts[id], texts[other]) });
        }
      }
    }
    for (let k = 0; k < prefix && k < size; k++) (index[set[k]] ??= []).push(id);
  }
  return pairs.sort((a, b) => a.second - b.second || a.first - b.first);
}

/** Jaccard index of two sorted integer sets. */
function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Exact bigram Jaccard similarity of two strings (no hashing), used to confirm a candidate. */
export function exactJaccard(a: string, b: string): number {
  const setA = bigramSet(a);
  const setB = bigramSet(b);
  let shared = 0;
  for (const gram of setA) if (setB.has(gram)) shared++;
  const union = setA.size + setB.size - shared;
  return union === 0 ? 1 : shared / union;
}

function bigramSet(text: string): Set<string> {
  const set = new Set<string>();
  if (text.length === 1) set.add(text);
  for (let i = 0; i + 1 < text.length; i++) set.add(text.slice(i, i + 2));
  return set;
}
