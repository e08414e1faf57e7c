/**
 * Typed work arrays kept from call to call, for the large scratch arrays of an analysis.
 *
 * A fresh multi-megabyte typed array is zeroed memory the process has to fault in page by page,
 * which can cost more than the work done in it; an array kept from the last call costs nothing.
 * Only arrays that no result keeps may come from here: the next call overwrites them. Each array
 * grows as needed and is replaced by a smaller one when far too large, so what stays allocated
 * is about what the largest recent document needed.
 */
export class WorkArrays<T extends Int32Array | Uint16Array> {
  private readonly kept: (T | undefined)[] = [];

  constructor(private readonly make: (length: number) => T) {}

  /** Work array number `which`, `length` long, holding whatever an earlier call left in it. */
  get(which: number, length: number): T {
    let buffer = this.kept[which];
    if (buffer === undefined || buffer.length < length || buffer.length > 4 * length + 65536) {
      this.kept[which] = buffer = this.make(length + (length >> 3));
    }
    return buffer.subarray(0, length) as T;
  }

  /** The same, filled with zeros. */
  zeroed(which: number, length: number): T {
    const buffer = this.get(which, length);
    buffer.fill(0);
    return buffer;
  }
}
