/**
 * The typed-array columns of a table, carved out of one buffer: one allocation for all of a
 * table's columns. Making a typed array costs microseconds however small it is (its memory is
 * allocated, zeroed and registered apart from the JavaScript heap), which adds up for a small
 * document parsed on every keystroke.
 */
export class ColumnBuffer {
  private readonly buffer: ArrayBuffer;
  private offset = 0;

  /** Room for `int32Columns` Int32 columns and `uint8Columns` Uint8 columns of `rows` rows, to be taken Int32 ones first. */
  constructor(
    readonly rows: number,
    int32Columns: number,
    uint8Columns = 0,
  ) {
    this.buffer = new ArrayBuffer(rows * (4 * int32Columns + uint8Columns));
  }

  /** The next Int32 column: all zeros, or starting with a copy of `rows` (a column being outgrown). */
  int32(rows?: Int32Array): Int32Array {
    const column = new Int32Array(this.buffer, this.offset, this.rows);
    this.offset += 4 * this.rows;
    if (rows !== undefined) column.set(rows);
    return column;
  }

  /** The next Uint8 column (all zeros, or starting with a copy of `rows`); after the Int32 ones. */
  uint8(rows?: Uint8Array): Uint8Array {
    const column = new Uint8Array(this.buffer, this.offset, this.rows);
    this.offset += this.rows;
    if (rows !== undefined) column.set(rows);
    return column;
  }
}
