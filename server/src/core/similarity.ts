/**
 * Near-duplicate search over normalized question texts, without comparing all pairs.
 *
 * Similarity is the Jaccard index of the texts' bags (multisets) of character bigrams (a bigram is
 * two adjacent UTF-16 code units): the bigrams two texts share, counted as often as both have them,
 * over all their bigrams, `shared / (|x| + |y| - shared)`, where a text of n units has n - 1
 * bigrams. (For texts without a repeated bigram, most questions, that is the Jaccard index of their
 * bigram sets.) The texts come in one buffer of code units ({@link CodeUnitTexts}); no string is
 * made per text or bigram.
 *
 * Two exact candidate filters give the same pairs; `auto` picks one by the data:
 *
 * - Partition (pigeonhole) signatures, at high thresholds such as the default 0.9 (see
 *   {@link partitionJoin}): the bigrams are split into a few groups by a hash of the bigram, and
 *   only texts with the same bag in one whole group are verified. A group's signature is the sum of
 *   its bigrams' codes, repeats included, so bags need no deduplication, no sorting and no memory of
 *   their own: each text's bigrams are made from its units as they are needed. It walks memory in
 *   order (texts in input order, signatures bucketed by hash) rather than at random.
 * - Prefix filtering (as in the All-Pairs / PPJoin algorithms, see {@link prefixJoin}), where
 *   partition signatures are not selective (lower thresholds): a bag is a set of (bigram, how many
 *   times before in the text) elements, and with every set sorted rarest element first by one global
 *   order, two sets with Jaccard >= t must share an element within the first
 *   `|x| - ceil(t * |x|) + 1` of the larger one. Only those prefixes are indexed and probed, sets
 *   are visited smallest first with a length filter, a positional filter prunes a candidate at its
 *   first shared element, and verification stops as soon as the required overlap can no longer be
 *   reached.
 *
 * Cost grows with the number of bigrams, not with the square of the number of questions.
 *
 * Every loop over texts, bigrams or signatures is in a function that takes only typed arrays,
 * plain arrays and numbers. Such code keeps its optimized form from call to call: code that reads
 * properties of objects made per call may be thrown away after a full garbage collection (the
 * objects' hidden classes are collected with them) and start over unoptimized. The large work
 * arrays are kept from call to call ({@link WorkArrays}).
 */

import { copyInto } from './normalize';
import { WorkArrays } from './workArrays';

export interface SimilarPair {
  /** Indexes into the input texts, `first < second`. */
  readonly first: number;
  readonly second: number;
  readonly similarity: number;
}

/** Texts shorter than this (in UTF-16 code units, after normalization) are too short to call "nearly the same". */
export const MIN_SIMILAR_LENGTH = 4;

/** Texts as UTF-16 code units in one buffer: text i is units[starts[i] .. ends[i]). */
export interface CodeUnitTexts {
  readonly units: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
}

/** The code units of `texts`, one after another (for callers that hold strings). */
export function codeUnitTexts(texts: readonly string[]): CodeUnitTexts {
  const units = new Uint16Array(totalLength(texts));
  const starts = new Int32Array(texts.length);
  const ends = new Int32Array(texts.length);
  fillCodeUnits(texts, units, starts, ends);
  return { units, starts, ends, count: texts.length };
}

function totalLength(texts: readonly string[]): number {
  let total = 0;
  for (let i = 0; i < texts.length; i++) total += texts[i].length;
  return total;
}

/** Writes the code units of `texts` one after another into `units` (long enough), and where each text starts and ends. */
function fillCodeUnits(texts: readonly string[], units: Uint16Array, starts: Int32Array, ends: Int32Array): void {
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    starts[i] = at;
    at = copyInto(texts[i], units, at);
    ends[i] = at;
  }
}

/**
 * How candidates are found: `prefix` filtering, `partition` (pigeonhole) signatures, or `auto`
 * (partition when the sets are large enough for its groups to be selective). Every method gives
 * exactly the same pairs; the choice only changes speed (tests force each one).
 */
export type SimilarityMethod = 'auto' | 'prefix' | 'partition';

/** All pairs of texts whose bigram Jaccard similarity is at least `threshold` (and which differ). */
export function findSimilarPairs(texts: readonly string[], threshold: number, method: SimilarityMethod = 'auto'): SimilarPair[] {
  // The same as findSimilarPairsIn(codeUnitTexts(texts), …), in work arrays kept for the purpose.
  const units = workUnits.get(0, totalLength(texts));
  const starts = work.get(Pool.Starts, texts.length);
  const ends = work.get(Pool.Ends, texts.length);
  fillCodeUnits(texts, units, starts, ends);
  return findSimilarPairsIn({ units, starts, ends, count: texts.length }, threshold, method);
}

/**
 * All pairs of texts whose bigram Jaccard similarity is at least `threshold`, sorted by `second`
 * then `first`. Texts shorter than {@link MIN_SIMILAR_LENGTH} never pair, nor do texts with the
 * same code units. The buffer is only read; texts may lie anywhere in it, in any order.
 */
export function findSimilarPairsIn(texts: CodeUnitTexts, threshold: number, method: SimilarityMethod = 'auto'): SimilarPair[] {
  const t = Math.min(1, Math.max(0.01, threshold));
  const bags = bigramBags(texts);
  if (bags.ids.length < 2) return [];
  const bagsOfSize = sizeCounts(bags.ids, bags.size, bags.maxSize);
  // Each result is a triple: the two texts, then how many bigrams they share. Partition filtering
  // gives up (undefined) when its signatures turn out far too unselective.
  let found: number[] | undefined;
  if (method === 'partition' || (method === 'auto' && partitionPays(t, bagsOfSize, bags.ids.length))) found = partitionJoin(texts, bags, bagsOfSize, t);
  found ??= prefixJoin(texts, bags, t);
  const pairs: SimilarPair[] = [];
  for (let p = 0; p < found.length; p += 3) {
    const first = found[p];
    const second = found[p + 1];
    const shared = found[p + 2];
    pairs.push({ first, second, similarity: shared / (bags.size[first] + bags.size[second] - shared) });
  }
  return pairs.sort((a, b) => a.second - b.second || a.first - b.first);
}

/**
 * Which texts are long enough to pair (`ids`, in input order) and their bag sizes: `size[i]` is the
 * number of bigrams of text i (its length - 1), 0 for a text shorter than
 * {@link MIN_SIMILAR_LENGTH}.
 */
interface BigramBags {
  readonly size: Int32Array;
  readonly ids: Int32Array;
  readonly maxSize: number;
  /** All their bigrams, repeats included. */
  readonly bigrams: number;
}

function bigramBags(texts: CodeUnitTexts): BigramBags {
  const { starts, ends, count } = texts;
  const totals = new Int32Array(3);
  measureTexts(starts, ends, count, totals);
  const [eligible, longest, bigrams] = totals;
  const ids = work.get(Pool.Ids, eligible);
  const size = work.get(Pool.Size, count);
  fillBags(starts, ends, count, size, ids);
  return { size, ids, maxSize: Math.max(0, longest - 1), bigrams };
}

/** Fills `size` and `ids` ({@link BigramBags}). */
function fillBags(starts: Int32Array, ends: Int32Array, count: number, size: Int32Array, ids: Int32Array): void {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const length = ends[i] - starts[i];
    if (length < MIN_SIMILAR_LENGTH) {
      size[i] = 0;
      continue;
    }
    ids[n++] = i;
    size[i] = length - 1;
  }
}

/**
 * The work arrays kept from call to call ({@link WorkArrays}: a few numbers per text and per
 * signature of the largest input so far stay allocated, and with prefix filtering two per bigram),
 * by use.
 */
const Pool = { Ids: 0, Data: 1, Start: 2, End: 3, Size: 4, Records: 5, Bucketed: 6, Previous: 7, Seen: 8, Starts: 9, Ends: 10, SetSlots: 11, VerifySlots: 12, MatchTable: 13, Occurrences: 14 } as const;
const work = new WorkArrays((length) => new Int32Array(length));
/** The code units {@link findSimilarPairs} converts strings into. */
const workUnits = new WorkArrays((length) => new Uint16Array(length));

/** `totals` ← [texts long enough to pair, the longest one's length, their bigrams with repeats]. */
function measureTexts(starts: Int32Array, ends: Int32Array, count: number, totals: Int32Array): void {
  let eligible = 0;
  let longest = 0;
  let bigrams = 0;
  for (let i = 0; i < count; i++) {
    const length = ends[i] - starts[i];
    if (length < MIN_SIMILAR_LENGTH) continue;
    eligible++;
    bigrams += length - 1;
    if (length > longest) longest = length;
  }
  totals[0] = eligible;
  totals[1] = longest;
  totals[2] = bigrams;
}

/**
 * A bigram's code: its two UTF-16 units as one number (`(a << 16) | b`), scrambled by steps that
 * are each one to one (multiplying by an odd constant, xor with a shift of itself), so codes are as
 * exact as the units, while all their bits, high ones included, mix all bits of both units: codes
 * serve as hashes (for table slots and groups) and as the values summed into group signatures.
 */
function bigramCode(a: number, b: number): number {
  let code = Math.imul((a << 16) | b, 0x9e3779b1);
  code = Math.imul(code ^ (code >>> 15), 0x2c1b3c6d);
  return code ^ (code >>> 12);
}

/**
 * Room for the bigrams of one text at a time: open addressing over slots of `width` numbers each,
 * interleaved, the first two a code and a stamp: a slot belongs to the current text only if its
 * stamp is the current one, so starting a new text costs nothing (stamps start at 1: the slots
 * are zeroed). At least twice as many slots as the largest bag has bigrams. The slot of a code
 * starts at its high `32 - shift` bits: at `(code >>> shift) * width`.
 */
class BigramTable {
  readonly slots: Int32Array;
  readonly shift: number;

  /** `which`: the work array to take (zeroed) for the slots. */
  constructor(largest: number, which: number, width: number) {
    let bits = 4;
    while (1 << bits < largest * 2) bits++;
    this.slots = work.zeroed(which, width << bits);
    this.shift = 32 - bits;
  }
}

/** How many of `ids` have each size. */
function sizeCounts(ids: Int32Array, size: Int32Array, maxSize: number): Int32Array {
  const counts = new Int32Array(maxSize + 1);
  for (let n = 0; n < ids.length; n++) counts[size[ids[n]]]++;
  return counts;
}

/** Whether texts a and b have the same code units. */
function sameText(units: Uint16Array, starts: Int32Array, ends: Int32Array, a: number, b: number): boolean {
  return sameUnits(units, starts[a], ends[a], starts[b], ends[b]);
}

/** Whether `units[a..aEnd)` and `units[b..bEnd)` are the same code units. */
export function sameUnits(units: Uint16Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (units[a + i] !== units[b + i]) return false;
  return true;
}

/** Smallest overlap two sets (or bags) of sizes a and b need for Jaccard >= t. */
function requiredOverlap(t: number, a: number, b: number): number {
  return Math.ceil((t / (1 + t)) * (a + b) - 1e-9);
}

// ---------------------------------------------------------------------------------------------
// Prefix filtering

/**
 * Prefix filtering (see the header). Each bag becomes a set of elements, a bigram and how many
 * times it came before in the text ({@link bagElements}); elements get dense ids, then ranks in the
 * global rarest-first order, and every set is sorted by rank. Returns the pairs as triples (first,
 * second, shared bigrams).
 */
function prefixJoin(texts: CodeUnitTexts, bags: BigramBags, t: number): number[] {
  const { size, maxSize } = bags;
  const start = work.get(Pool.Start, texts.count);
  const end = work.get(Pool.End, texts.count);
  const data = work.get(Pool.Data, bags.bigrams);
  const occurrences = work.get(Pool.Occurrences, bags.bigrams);
  const table = new BigramTable(maxSize, Pool.SetSlots, 3);
  bagElements(texts.units, texts.starts, texts.ends, bags.ids, table.slots, table.shift, start, end, data, occurrences);
  const distinct = denseIds(data, occurrences, bags.bigrams);
  const ids = sortBySize(bags.ids, size, maxSize); // smallest sets first: every earlier set is no larger
  rankSets(data, ids, start, end, distinct);
  const found: number[] = [];
  prefixPairs(t, data, start, end, size, ids, distinct, texts.units, texts.starts, texts.ends, texts.count, found);
  return found;
}

/**
 * Writes each bag's bigrams, in order, as (`data[k]` the code, `occurrences[k]` how many times the
 * text had it before), text `ids[n]` from `start[id]` to `end[id]`, texts one after another. Repeats
 * are counted in `slots`, a {@link BigramTable} of (code, stamp, count) slots.
 */
function bagElements(
  units: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
  ids: Int32Array,
  slots: Int32Array,
  shift: number,
  start: Int32Array,
  end: Int32Array,
  data: Int32Array,
  occurrences: Int32Array,
): void {
  let at = 0;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const stamp = n + 1;
    start[id] = at;
    let previous = units[starts[id]];
    for (let k = starts[id] + 1, stop = ends[id]; k < stop; k++) {
      const next = units[k];
      const code = bigramCode(previous, next);
      previous = next;
      occurrences[at] = countCode(code, slots, shift, 3, stamp);
      data[at++] = code;
    }
    end[id] = at;
  }
}

/**
 * Counts `code` in `slots`, a {@link BigramTable} of `width` numbers a slot (code, stamp, count, …),
 * for the text of `stamp`; returns how many times that text had it before.
 */
function countCode(code: number, slots: Int32Array, shift: number, width: number, stamp: number): number {
  let slot = (code >>> shift) * width;
  while (slots[slot + 1] === stamp && slots[slot] !== code) slot = slot + width < slots.length ? slot + width : 0;
  if (slots[slot + 1] === stamp) return slots[slot + 2]++;
  slots[slot] = code;
  slots[slot + 1] = stamp;
  slots[slot + 2] = 1;
  return 0;
}

/**
 * Replaces each element (`data[k]`, `occurrences[k]`) of the first `length` by a dense id (0, 1,
 * 2, … in order of first appearance; the mapping is one to one); returns how many there are. An
 * open-addressing table keyed by the element, grown as needed so it stays small enough for the
 * cache.
 */
function denseIds(data: Int32Array, occurrences: Int32Array, length: number): number {
  let bits = 12;
  let codes = new Int32Array(1 << bits);
  let repeats = new Int32Array(1 << bits);
  let values = new Int32Array(1 << bits).fill(-1);
  let count = 0;
  for (let k = 0; k < length; k++) {
    const code = data[k];
    const repeat = occurrences[k];
    let mask = codes.length - 1;
    let slot = elementHash(code, repeat) >>> (32 - bits);
    while (values[slot] >= 0 && (codes[slot] !== code || repeats[slot] !== repeat)) slot = (slot + 1) & mask;
    if (values[slot] >= 0) {
      data[k] = values[slot];
      continue;
    }
    codes[slot] = code;
    repeats[slot] = repeat;
    values[slot] = count;
    data[k] = count++;
    if (count * 2 > codes.length) {
      const oldCodes = codes;
      const oldRepeats = repeats;
      const oldValues = values;
      bits++;
      codes = new Int32Array(1 << bits);
      repeats = new Int32Array(1 << bits);
      values = new Int32Array(1 << bits).fill(-1);
      mask = codes.length - 1;
      for (let i = 0; i < oldCodes.length; i++) {
        if (oldValues[i] < 0) continue;
        let at = elementHash(oldCodes[i], oldRepeats[i]) >>> (32 - bits);
        while (values[at] >= 0) at = (at + 1) & mask;
        codes[at] = oldCodes[i];
        repeats[at] = oldRepeats[i];
        values[at] = oldValues[i];
      }
    }
  }
  return count;
}

/** A hash of a bag element: a bigram's code (mixed already: its high bits will do), and how many times it came before. */
function elementHash(code: number, repeat: number): number {
  return repeat === 0 ? code : code ^ Math.imul(repeat, 0x9e3779b1);
}

/** Sorts `ids` (ascending) by `size`, ties in id order: a counting sort (sizes are small numbers). */
function sortBySize(ids: Int32Array, size: Int32Array, maxSize: number): Int32Array {
  const next = new Int32Array(maxSize + 2);
  for (let n = 0; n < ids.length; n++) next[size[ids[n]] + 1]++;
  for (let s = 0; s <= maxSize; s++) next[s + 1] += next[s];
  const sorted = new Int32Array(ids.length);
  for (let n = 0; n < ids.length; n++) sorted[next[size[ids[n]]]++] = ids[n];
  return sorted;
}

/** Global order: rarest element first. Re-expresses every set (of dense ids) as sorted ranks in that order. */
function rankSets(data: Int32Array, ids: Int32Array, start: Int32Array, end: Int32Array, distinct: number): void {
  const frequency = new Int32Array(distinct);
  for (let n = 0; n < ids.length; n++) for (let k = start[ids[n]]; k < end[ids[n]]; k++) frequency[data[k]]++;
  const order = Array.from({ length: distinct }, (_, i) => i).sort((a, b) => frequency[a] - frequency[b] || a - b);
  const rank = new Int32Array(distinct);
  for (let r = 0; r < distinct; r++) rank[order[r]] = r;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    for (let k = start[id]; k < end[id]; k++) data[k] = rank[data[k]];
    sortRange(data, start[id], end[id]);
  }
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

/**
 * The prefix-filter join over ranked sets, `ids` smallest first; appends each pair to `found` as
 * (first, second, shared).
 */
function prefixPairs(
  t: number,
  data: Int32Array,
  start: Int32Array,
  end: Int32Array,
  size: Int32Array,
  ids: Int32Array,
  distinct: number,
  units: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  found: number[],
): void {
  // Postings of prefix bigrams, laid out flat (one slot range per bigram, sized in advance): each
  // slot pair holds (text, position of the bigram in that text's set). A range fills up in order of
  // set size, and sizes only grow, so entries too small for the length filter are skipped for good
  // by advancing `from`.
  const offset = new Int32Array(distinct + 1);
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const prefix = size[id] - Math.ceil(t * size[id] - 1e-9) + 1;
    for (let k = 0; k < prefix; k++) offset[data[start[id] + k] + 1] += 2;
  }
  for (let b = 0; b < distinct; b++) offset[b + 1] += offset[b];
  const postings = new Int32Array(offset[distinct]);
  const from = offset.slice(0, distinct);
  const filled = offset.slice(0, distinct);

  const seen = new Int32Array(count).fill(-1);
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const x = start[id];
    const xSize = size[id];
    const minSize = Math.ceil(t * xSize - 1e-9);
    const prefix = xSize - minSize + 1;
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
        if (shared < 0 || sameText(units, starts, ends, id, other)) continue;
        found.push(Math.min(id, other), Math.max(id, other), shared);
      }
    }
    for (let k = 0; k < prefix; k++) {
      const token = data[x + k];
      postings[filled[token]++] = id;
      postings[filled[token]++] = k;
    }
  }
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

// ---------------------------------------------------------------------------------------------
// Partition filtering

/**
 * The most elements two sets (or bags, repeats counted) with Jaccard >= t can differ in (|x Δ y|), where x has `a` elements
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

/**
 * Whether partition signatures will be selective here: a group that is empty in two sets matches
 * whatever else they hold, so it pays only when few sets are likely to have an empty group (high
 * thresholds, where sets are split into few large groups).
 */
function partitionPays(t: number, setsOfSize: Int32Array, sets: number): boolean {
  // Expected number of sets with an empty group (at most one each).
  let emptyGroups = 0;
  for (let size = 1; size < setsOfSize.length; size++) {
    if (setsOfSize[size] === 0) continue;
    const parts = maxDifference(t, size) + 1;
    if (parts > 1) emptyGroups += setsOfSize[size] * Math.min(1, parts * Math.pow(1 - 1 / parts, size));
  }
  return emptyGroups <= 0.01 * sets;
}

/** Signature flags: the bag probes with this group count (the one for its own size), is indexed under it, or both. */
const PROBE = 1;
const INDEX = 2;

/**
 * Which group counts the sets of each size need (for sizes some set has): set size s needs
 * `parts[c]` groups with `flags[c]` for `from[s] <= c < from[s + 1]`. A set of size a probes
 * with one more group than {@link maxDifference} (none when no pair is possible), and a set of
 * size b is indexed under the probe count of every size a that may probe it (`b <= a`,
 * `ceil(t a) <= b`). `records` is how many signatures that makes over all sets.
 */
interface PartitionPlan {
  readonly from: Int32Array;
  readonly parts: Int32Array;
  readonly flags: Int32Array;
  readonly records: number;
  readonly mostParts: number;
}

function partitionPlan(t: number, setsOfSize: Int32Array): PartitionPlan {
  const maxSize = setsOfSize.length - 1;
  const probe = new Int32Array(maxSize + 1).fill(-1); // -1: not computed yet
  const probeParts = (a: number): number => (probe[a] >= 0 ? probe[a] : (probe[a] = maxDifference(t, a) + 1));
  const from = new Int32Array(maxSize + 2);
  const parts: number[] = [];
  const flags: number[] = [];
  let records = 0;
  let mostParts = 1;
  for (let b = 0; b <= maxSize; b++) {
    from[b] = parts.length;
    if (setsOfSize[b] === 0) continue;
    const own = probeParts(b);
    const indexed: number[] = [];
    for (let a = b; a <= maxSize && Math.ceil(t * a - 1e-9) <= b; a++) {
      const count = probeParts(a);
      if (count > 0 && !indexed.includes(count)) indexed.push(count);
    }
    let perSet = 0;
    for (const count of indexed) {
      if (count === own) continue;
      parts.push(count);
      flags.push(INDEX);
      perSet += count;
    }
    if (own > 0) {
      parts.push(own);
      flags.push(indexed.includes(own) ? PROBE | INDEX : PROBE);
      perSet += own;
    }
    for (let c = from[b]; c < parts.length; c++) mostParts = Math.max(mostParts, parts[c]);
    records += setsOfSize[b] * perSet;
  }
  from[maxSize + 1] = parts.length;
  return { from, parts: new Int32Array(parts), flags: new Int32Array(flags), records, mostParts };
}

/**
 * Partition filtering (pigeonhole): if two bags differ in at most k bigrams (counted with repeats),
 * then splitting the bigram universe into k + 1 groups (by a hash of the bigram) leaves at least one
 * group where both bags hold exactly the same bigrams, as many times each. So every bag gets a
 * signature for each of its groups, once per group count it needs ({@link PartitionPlan}): as a
 * prober and as an indexed bag. Two bags are candidates when one probes with a signature the other
 * is indexed under, and the prober comes later in (size, index) order: every possible pair shows up
 * that way, from the side of its larger bag. Candidates are then verified exactly. Returns the pairs
 * as triples (first, second, shared), or undefined when the signatures turn out far too
 * unselective: many bags with one signature make a number of candidates quadratic in theirs, which
 * can happen when partition is forced at low thresholds, where most bags have empty groups.
 *
 * Instead of one big hash table probed in size order (a cache miss per lookup), the signatures are
 * made in input order, scattered into buckets by their high bits, and matched bucket by bucket in a
 * small table.
 */
function partitionJoin(texts: CodeUnitTexts, bags: BigramBags, bagsOfSize: Int32Array, t: number): number[] | undefined {
  const { size, ids } = bags;
  const plan = partitionPlan(t, bagsOfSize);
  const records = work.get(Pool.Records, 2 * plan.records);
  // Buckets of about BUCKET records, by the high bits of the signature: sized while signing.
  let bits = 0;
  while (bits < 24 && plan.records >>> bits > BUCKET) bits++;
  const bucketSizes = new Int32Array((1 << bits) + 1);
  groupSignatures(texts.units, texts.starts, texts.ends, ids, plan.from, plan.parts, plan.flags, new Int32Array(2 * plan.mostParts), records, bits, bucketSizes);
  const candidates: number[] = [];
  const bucketed = work.get(Pool.Bucketed, records.length);
  const budget = 4 * plan.records + (1 << 20); // record pairs looked at: a few per record is the usual
  if (!matchSignatures(records, bits, bucketSizes, bucketed, work.get(Pool.Previous, plan.records), size, budget, candidates)) return undefined;
  const table = new BigramTable(bags.maxSize, Pool.VerifySlots, VERIFY_SLOT);
  const found: number[] = [];
  verifyCandidates(t, size, texts.units, texts.starts, texts.ends, candidates, work.get(Pool.Seen, texts.count), table.slots, table.shift, found);
  return found;
}

/** Records per bucket when matching signatures (about): the bucket's table stays in the cache. */
const BUCKET = 2048;

/**
 * Fills `records` with one (signature, `bag << 2 | flags`) pair per group of each bag and group
 * count it needs, and counts in `bucketSizes[b + 1]` the signatures whose high `bits` bits are b.
 * A group's signature is the sum of the codes of its bigrams, repeats included, finished with the
 * group count and number: order-independent, so the bigrams need no sorting or deduplication, and
 * they are made from the units as they are summed ({@link sumGroups}). `sums` has room for twice
 * the most groups of any count.
 */
function groupSignatures(
  units: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
  ids: Int32Array,
  needFrom: Int32Array,
  needParts: Int32Array,
  needFlags: Int32Array,
  sums: Int32Array,
  records: Int32Array,
  bits: number,
  bucketSizes: Int32Array,
): void {
  let at = 0;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const bigrams = ends[id] - starts[id] - 1;
    // Most bags need one group count; a few need two (the counts of the sizes that may probe them).
    for (let c = needFrom[bigrams], stop = needFrom[bigrams + 1]; c < stop; c++) {
      const parts = needParts[c];
      sumGroups(units, starts[id], ends[id], parts, sums);
      at = recordGroups(sums, parts, (id << 2) | needFlags[c], records, at, bits, bucketSizes);
    }
  }
}

/**
 * Sums the codes of the bigrams of `units[from..to)` (at least two units) by group, `parts` groups
 * picked by the codes' high bits (multiply-shift), into two banks: group g's sum is
 * `sums[g] + sums[parts + g]` (even and odd bigrams, so that one addition need not wait for the one
 * before when it hits the same group).
 */
function sumGroups(units: Uint16Array, from: number, to: number, parts: number, sums: Int32Array): void {
  for (let g = 0; g < 2 * parts; g++) sums[g] = 0;
  let previous = units[from];
  let k = from + 1;
  if (parts <= 0x10000) {
    for (; k + 1 < to; k += 2) {
      const middle = units[k];
      const next = units[k + 1];
      const even = bigramCode(previous, middle);
      const odd = bigramCode(middle, next);
      previous = next;
      sums[Math.imul(even >>> 16, parts) >>> 16] += even;
      sums[parts + (Math.imul(odd >>> 16, parts) >>> 16)] += odd;
    }
    if (k < to) {
      const last = bigramCode(previous, units[k]);
      sums[Math.imul(last >>> 16, parts) >>> 16] += last;
    }
    return;
  }
  for (; k < to; k++) {
    const code = bigramCode(previous, units[k]);
    previous = units[k];
    sums[Math.floor(((code >>> 16) * parts) / 0x10000)] += code;
  }
}

/**
 * Appends the signatures of `parts` groups (their sums in two banks, `sums[g] + sums[parts + g]`)
 * to `records` at `at`, with `tag`; counts them into their buckets; returns where `records` ends.
 */
function recordGroups(sums: Int32Array, parts: number, tag: number, records: Int32Array, at: number, bits: number, bucketSizes: Int32Array): number {
  const shift = 32 - bits;
  for (let g = 0; g < parts; g++) {
    let h = sums[g] + sums[parts + g] + Math.imul(parts, 0x85ebca6b) + Math.imul(g + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    records[at++] = h;
    records[at++] = tag;
    if (bits > 0) bucketSizes[(h >>> shift) + 1]++;
  }
  return at;
}

/**
 * Appends to `candidates` (later bag, earlier bag) for every two records with the same signature,
 * one probing and the other indexed, where the prober comes later in (size, index) order. A pair
 * may come up more than once. The records are scattered into `bucketed` by the high `bits` bits of
 * their signature (one pass in order; `first[b + 1]` counts bucket b's records), then each bucket
 * is grouped by signature in a small stamped table that stays in the cache; `previous` (one per
 * record) chains the records of one signature. Returns false, unfinished, once more than `budget`
 * pairs of records with one signature have been looked at.
 */
function matchSignatures(
  records: Int32Array,
  bits: number,
  first: Int32Array,
  bucketed: Int32Array,
  previous: Int32Array,
  size: Int32Array,
  budget: number,
  candidates: number[],
): boolean {
  const buckets = 1 << bits;
  // Bucket b holds records first[b]..first[b + 1] - 1 of `bucketed`.
  if (bits === 0) first[1] = records.length >> 1;
  let largest = 0;
  for (let b = 0; b < buckets; b++) {
    largest = Math.max(largest, first[b + 1]);
    first[b + 1] += first[b];
  }
  scatterRecords(records, bits, first.slice(0, buckets), bucketed);

  let tableBits = 4;
  while (1 << tableBits < largest * 2) tableBits++;
  const mask = (1 << tableBits) - 1;
  // Per bucket: signature, stamp (bucket + 1) and latest record, interleaved.
  const table = work.zeroed(Pool.MatchTable, 3 << tableBits);
  for (let b = 0; b < buckets; b++) {
    const stamp = b + 1;
    for (let r = first[b], stop = first[b + 1]; r < stop; r++) {
      const signature = bucketed[2 * r];
      let slot = 3 * (signature & mask);
      while (table[slot + 1] === stamp && table[slot] !== signature) slot = slot === 3 * mask ? 0 : slot + 3;
      if (table[slot + 1] !== stamp) {
        table[slot] = signature;
        table[slot + 1] = stamp;
        previous[r] = -1;
      } else {
        const a = bucketed[2 * r + 1];
        const x = a >>> 2;
        for (let e = table[slot + 2]; e >= 0; e = previous[e]) {
          if (--budget < 0) return false;
          const b = bucketed[2 * e + 1];
          const y = b >>> 2;
          if (x === y) continue;
          if (size[y] < size[x] || (size[y] === size[x] && y < x)) {
            if (a & PROBE && b & INDEX) candidates.push(x, y);
          } else if (b & PROBE && a & INDEX) candidates.push(y, x);
        }
        previous[r] = table[slot + 2];
      }
      table[slot + 2] = r;
    }
  }
  return true;
}

/**
 * Copies the records into `bucketed` by the high `bits` bits of their signature; bucket b's next
 * free record is `fill[b]`. (A loop of its own: optimized on entry, the code after it would lack
 * the feedback that the loop's own optimized code was made without.)
 */
function scatterRecords(records: Int32Array, bits: number, fill: Int32Array, bucketed: Int32Array): void {
  const shift = 32 - bits;
  for (let r = 0; r < records.length; r += 2) {
    const at = bits > 0 ? 2 * fill[records[r] >>> shift]++ : r;
    bucketed[at] = records[r];
    bucketed[at + 1] = records[r + 1];
  }
}

/** Numbers per slot of the verification table: code, stamp (the later bag), count, stamp (the earlier bag), used. */
const VERIFY_SLOT = 5;

/**
 * Verifies the candidates (pairs of later bag, earlier bag), each pair once, and appends the pairs
 * to `found` as (first, second, shared). Candidates are sorted by their later bag x, whose bigrams
 * are counted into `slots` (a {@link BigramTable} of {@link VERIFY_SLOT} numbers, with x + 1 as
 * stamp); each earlier bag y's bigrams are looked up there, each shared as many times as x has it
 * (`used` counts how many times y has taken it, under y's own stamp). `seen` (one per text) is
 * scratch.
 */
function verifyCandidates(
  t: number,
  size: Int32Array,
  units: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
  candidates: number[],
  seen: Int32Array,
  slots: Int32Array,
  shift: number,
  found: number[],
): void {
  const pairs = candidates.length >> 1;
  // Earlier bags by later bag (counting sort): later bag x's are order[first[x]..first[x + 1]).
  const first = new Int32Array(seen.length + 1);
  for (let c = 0; c < candidates.length; c += 2) first[candidates[c] + 1]++;
  for (let x = 0; x < seen.length; x++) first[x + 1] += first[x];
  const order = new Int32Array(pairs);
  const fill = first.slice(0, seen.length);
  for (let c = 0; c < candidates.length; c += 2) order[fill[candidates[c]]++] = candidates[c + 1];
  seen.fill(0); // later bag + 1 that last looked at each bag
  let probe = 0; // stamp of the earlier bag being looked up
  for (let x = 0; x < seen.length; x++) {
    if (first[x] === first[x + 1]) continue;
    const xSize = size[x];
    const minSize = Math.ceil(t * xSize - 1e-9);
    const stamp = x + 1;
    let loaded = false;
    for (let c = first[x]; c < first[x + 1]; c++) {
      const y = order[c];
      if (seen[y] === stamp) continue;
      seen[y] = stamp;
      const ySize = size[y];
      if (ySize < minSize) continue;
      const needed = requiredOverlap(t, xSize, ySize);
      if (needed > ySize) continue;
      if (!loaded) {
        countBigrams(units, starts[x], ends[x], slots, shift, stamp);
        loaded = true;
      }
      const shared = sharedBigrams(units, starts[y], ends[y], slots, shift, stamp, ++probe, needed);
      if (shared < needed || sameText(units, starts, ends, x, y)) continue;
      found.push(Math.min(x, y), Math.max(x, y), shared);
    }
  }
}

/**
 * Counts the bigrams of `units[from..to)` into `slots` (see {@link verifyCandidates}) under `stamp`.
 * (A slot's `used` stamp needs no reset: the stamps of earlier bags looked up are all lower than any
 * to come, and the table is zeroed for each search.)
 */
function countBigrams(units: Uint16Array, from: number, to: number, slots: Int32Array, shift: number, stamp: number): void {
  let previous = units[from];
  for (let k = from + 1; k < to; k++) {
    const next = units[k];
    countCode(bigramCode(previous, next), slots, shift, VERIFY_SLOT, stamp);
    previous = next;
  }
}

/**
 * How many bigrams of `units[from..to)` the bag counted under `stamp` shares with it (each at most
 * as many times as that bag has it), stopping early (with less than `needed`) once `needed` can no
 * longer be reached. `probe`: a stamp no earlier call used.
 */
function sharedBigrams(units: Uint16Array, from: number, to: number, slots: Int32Array, shift: number, stamp: number, probe: number, needed: number): number {
  let shared = 0;
  let previous = units[from];
  for (let k = from + 1; k < to && shared + (to - k) >= needed; k++) {
    const next = units[k];
    const code = bigramCode(previous, next);
    previous = next;
    for (let slot = (code >>> shift) * VERIFY_SLOT; slots[slot + 1] === stamp; slot = slot + VERIFY_SLOT < slots.length ? slot + VERIFY_SLOT : 0) {
      if (slots[slot] !== code) continue;
      if (slots[slot + 3] !== probe) {
        slots[slot + 3] = probe;
        slots[slot + 4] = 0;
      }
      if (slots[slot + 4] < slots[slot + 2]) {
        slots[slot + 4]++;
        shared++;
      }
      break;
    }
  }
  return shared;
}
