package org.dmftbench.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A dense column-major matrix of doubles in off-heap memory: entry (i, j) is element
 * {@code offset + i + j*ld} of the segment. The segment's {@link Arena} owns the memory; a DMatrix
 * is a view (sub-matrix views share storage) and never frees anything.
 *
 * <p>Freshly allocated matrices have every column 64-byte aligned: the leading dimension is the
 * row count rounded up to a multiple of 8 doubles, plus 8 when that is a multiple of 256 doubles,
 * so that the columns of a power-of-two sized matrix do not all map to the same cache sets.
 */
public final class DMatrix {

  private final MemorySegment segment;
  private final long offset;
  private final int rows;
  private final int cols;
  private final int ld;

  private DMatrix(MemorySegment segment, long offset, int rows, int cols, int ld) {
    this.segment = segment;
    this.offset = offset;
    this.rows = rows;
    this.cols = cols;
    this.ld = ld;
  }

  /** The leading dimension {@link #allocate(Arena, int, int)} uses for {@code rows} rows. */
  public static int paddedLeadingDimension(int rows) {
    long ld = Math.max(8, (rows + 7L) & ~7L);
    if (ld >= 256 && ld % 256 == 0) {
      ld += 8;
    }
    if (ld > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("matrix with " + rows + " rows is too large");
    }
    return (int) ld;
  }

  /** A zero rows×cols matrix with the padded leading dimension, owned by {@code arena}. */
  public static DMatrix allocate(Arena arena, int rows, int cols) {
    checkShape(rows, cols);
    return allocate(arena, rows, cols, paddedLeadingDimension(rows));
  }

  /**
   * A rows×cols matrix with the padded leading dimension whose contents are unspecified in a
   * {@link Workspace} frame ({@link OffHeap#uninitializedDoubles}): for a matrix the caller writes in
   * full (or in the part it later reads) before reading it.
   */
  public static DMatrix allocateUninitialized(Arena arena, int rows, int cols) {
    checkShape(rows, cols);
    int ld = paddedLeadingDimension(rows);
    return new DMatrix(OffHeap.uninitializedDoubles(arena, (long) ld * cols, "matrix " + rows + "x" + cols), 0, rows,
        cols, ld);
  }

  /** A zero rows×cols matrix with an explicit leading dimension ld ≥ max(1, rows). */
  public static DMatrix allocate(Arena arena, int rows, int cols, int ld) {
    checkShape(rows, cols);
    if (ld < Math.max(1, rows)) {
      throw new IllegalArgumentException("leading dimension " + ld + " < rows " + rows);
    }
    MemorySegment s = OffHeap.doubles(arena, (long) ld * cols, "matrix " + rows + "x" + cols);
    return new DMatrix(s, 0, rows, cols, ld);
  }

  /** A matrix holding a copy of a row-major {@code double[rows][cols]}. */
  public static DMatrix of(Arena arena, double[][] rowsData) {
    int r = rowsData.length;
    int c = r == 0 ? 0 : rowsData[0].length;
    DMatrix m = allocate(arena, r, c);
    for (int i = 0; i < r; i++) {
      if (rowsData[i].length != c) {
        throw new IllegalArgumentException("row " + i + " has " + rowsData[i].length + " entries, expected " + c);
      }
      for (int j = 0; j < c; j++) {
        m.set(i, j, rowsData[i][j]);
      }
    }
    return m;
  }

  /** A view of existing storage. */
  public static DMatrix wrap(MemorySegment segment, long offset, int rows, int cols, int ld) {
    checkShape(rows, cols);
    if (ld < Math.max(1, rows) || offset < 0) {
      throw new IllegalArgumentException("bad leading dimension " + ld + " or offset " + offset);
    }
    long last = cols == 0 || rows == 0 ? offset : offset + (long) (cols - 1) * ld + rows;
    if (last * Double.BYTES > segment.byteSize()) {
      throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix with ld " + ld
          + " does not fit in a segment of " + segment.byteSize() / Double.BYTES + " doubles");
    }
    return new DMatrix(segment, offset, rows, cols, ld);
  }

  private static void checkShape(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols);
    }
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int ld() {
    return ld;
  }

  public MemorySegment segment() {
    return segment;
  }

  /** Element offset of entry (0, 0) within {@link #segment()}. */
  public long offset() {
    return offset;
  }

  /** Element offset of entry (i, j) within {@link #segment()} (unchecked). */
  public long index(int i, int j) {
    return offset + i + (long) j * ld;
  }

  public double get(int i, int j) {
    check(i, j);
    return OffHeap.get(segment, index(i, j));
  }

  public void set(int i, int j, double v) {
    check(i, j);
    OffHeap.set(segment, index(i, j), v);
  }

  private void check(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside a " + rows + "x" + cols + " matrix");
    }
  }

  /** The sub-matrix of {@code r} rows and {@code c} columns starting at (i0, j0), sharing storage. */
  public DMatrix view(int i0, int j0, int r, int c) {
    if (i0 < 0 || j0 < 0 || r < 0 || c < 0 || i0 + r > rows || j0 + c > cols) {
      throw new IllegalArgumentException("view " + r + "x" + c + " at (" + i0 + ", " + j0 + ") outside a "
          + rows + "x" + cols + " matrix");
    }
    return new DMatrix(segment, index(i0, j0), r, c, ld);
  }

  /** Column j as a vector view. */
  public DVector column(int j) {
    if (j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException("column " + j + " outside [0, " + cols + ")");
    }
    return DVector.wrap(segment, index(0, j), rows);
  }

  /** Copies {@code src} (same shape) into this matrix. */
  public void copyFrom(DMatrix src) {
    if (src.rows != rows || src.cols != cols) {
      throw new IllegalArgumentException("shape " + src.rows + "x" + src.cols + " != " + rows + "x" + cols);
    }
    for (int j = 0; j < cols; j++) {
      MemorySegment.copy(src.segment, src.index(0, j) * Double.BYTES, segment, index(0, j) * Double.BYTES,
          (long) rows * Double.BYTES);
    }
  }

  /** Columns {@code cols} of this matrix, in that order, as a new rows×cols.length matrix in {@code arena}. */
  public DMatrix gatherColumns(int[] cols, Arena arena) {
    DMatrix out = allocateUninitialized(arena, rows, Math.max(cols.length, 1)).view(0, 0, rows, cols.length);
    for (int q = 0; q < cols.length; q++) {
      out.column(q).copyFrom(column(cols[q]));
    }
    return out;
  }

  /** Column cols[q] of this matrix ← column q of {@code src} (same number of rows), for every q. */
  public void scatterColumns(DMatrix src, int[] cols) {
    if (src.rows != rows || src.cols < cols.length) {
      throw new IllegalArgumentException("scatter of " + cols.length + " columns of a " + src.rows + "x" + src.cols
          + " matrix into one with " + rows + " rows");
    }
    for (int q = 0; q < cols.length; q++) {
      column(cols[q]).copyFrom(src.column(q));
    }
  }

  /** A row-major copy, for tests and small outputs. */
  public double[][] toArray() {
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i][j] = OffHeap.get(segment, index(i, j));
      }
    }
    return out;
  }

  /**
   * max |a_ij| over the lower triangle (i ≥ j) of this square matrix, column by column through a heap
   * copy (a loop C2 vectorizes); a NaN or infinite entry, which the maximum carries through, is then
   * located.
   *
   * @throws IllegalArgumentException naming the first non-finite entry of the lower triangle
   */
  public double maxAbsLower(String what) {
    double[] col = new double[rows];
    double max = 0;
    for (int j = 0; j < cols; j++) {
      int len = rows - j;
      MemorySegment.copy(segment, ValueLayout.JAVA_DOUBLE, index(j, j) * Double.BYTES, col, 0, len);
      double m = 0;
      for (int i = 0; i < len; i++) {
        m = Math.max(m, Math.abs(col[i]));
      }
      if (!Double.isFinite(m)) {
        for (int i = 0; i < len; i++) {
          if (!Double.isFinite(col[i])) {
            throw new IllegalArgumentException(what + " has a non-finite entry " + col[i] + " at (" + (j + i + 1) + ", "
                + (j + 1) + ")");
          }
        }
      }
      max = Math.max(max, m);
    }
    return max;
  }

  /** Throws IllegalArgumentException naming the first non-finite entry, if any (all rows×cols entries). */
  public void requireFinite(String what) {
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        double v = OffHeap.get(segment, index(i, j));
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(what + " has a non-finite entry " + v + " at (" + (i + 1) + ", " + (j + 1) + ")");
        }
      }
    }
  }
}
