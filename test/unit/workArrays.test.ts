import { describe, expect, it } from 'vitest';
import { WorkArrays } from '../../server/src/core/workArrays';

describe('WorkArrays', () => {
  it('gives an array of the length asked for, of the kind it makes', () => {
    const work = new WorkArrays((length) => new Int32Array(length));
    const array = work.get(0, 10);
    expect(array).toBeInstanceOf(Int32Array);
    expect(array.length).toBe(10);
  });

  it('keeps an array from call to call: the next call sees what the last one left', () => {
    const work = new WorkArrays((length) => new Uint16Array(length));
    work.get(0, 8).set([1, 2, 3]);
    const again = work.get(0, 6);
    expect(Array.from(again.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(again.buffer).toBe(work.get(0, 8).buffer);
  });

  it('keeps one array per use: different numbers never share memory', () => {
    const work = new WorkArrays((length) => new Int32Array(length));
    expect(work.get(0, 4).buffer).not.toBe(work.get(1, 4).buffer);
  });

  it('grows when asked for more, and is replaced by a smaller one when far too large', () => {
    const work = new WorkArrays((length) => new Int32Array(length));
    const small = work.get(0, 100);
    const large = work.get(0, 1_000_000);
    expect(large.buffer).not.toBe(small.buffer);
    expect(large.length).toBe(1_000_000);
    // A little smaller: the same memory.
    expect(work.get(0, 900_000).buffer).toBe(large.buffer);
    // Far smaller: a new, small array, so the large one can be freed.
    const shrunk = work.get(0, 100);
    expect(shrunk.buffer).not.toBe(large.buffer);
    expect(shrunk.buffer.byteLength).toBeLessThan(4096);
  });

  it('zeroed gives zeros whatever was left in it', () => {
    const work = new WorkArrays((length) => new Int32Array(length));
    work.get(0, 5).fill(7);
    expect(Array.from(work.zeroed(0, 5))).toEqual([0, 0, 0, 0, 0]);
  });
});
