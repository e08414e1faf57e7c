/** Binary search over a table's rows. */

/**
 * The first k of `0..count - 1` for which `before(k)` is false, or `count` (`before` must be true
 * for a leading run of rows only: rows in order, asked "does this row come before what I want?").
 */
export function firstNotBefore(count: number, before: (k: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
