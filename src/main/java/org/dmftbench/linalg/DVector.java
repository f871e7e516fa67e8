package org.dmftbench.linalg;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A dense vector of doubles in off-heap memory: {@code length} contiguous elements starting at
 * element {@code offset} of a segment. The segment's {@link Arena} owns the memory; a DVector is a
 * view and never frees anything.
 */
public final class DVector {

  private final MemorySegment segment;
  private final long offset;
  private final int length;

  private DVector(MemorySegment segment, long offset, int length) {
    this.segment = segment;
    this.offset = offset;
    this.length = length;
  }

  /** A zero vector of the given length, 64-byte aligned, owned by {@code arena}. */
  public static DVector allocate(Arena arena, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("vector length must be >= 0, got " + length);
    }
    return new DVector(OffHeap.doubles(arena, length, "vector of length " + length), 0, length);
  }

  /** A vector holding a copy of {@code values}. */
  public static DVector of(Arena arena, double... values) {
    DVector v = allocate(arena, values.length);
    v.copyFrom(values);
    return v;
  }

  /** A view of {@code length} elements of an existing segment starting at element {@code offset}. */
  public static DVector wrap(MemorySegment segment, long offset, int length) {
    if (offset < 0 || length < 0 || (offset + length) * Double.BYTES > segment.byteSize()) {
      throw new IllegalArgumentException("view [" + offset + ", " + (offset + length) + ") outside a segment of "
          + segment.byteSize() / Double.BYTES + " doubles");
    }
    return new DVector(segment, offset, length);
  }

  public int length() {
    return length;
  }

  public MemorySegment segment() {
    return segment;
  }

  /** Element offset of entry 0 within {@link #segment()}. */
  public long offset() {
    return offset;
  }

  public double get(int i) {
    return OffHeap.get(segment, offset + checkIndex(i));
  }

  public void set(int i, double v) {
    OffHeap.set(segment, offset + checkIndex(i), v);
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= length) {
      throw new IndexOutOfBoundsException("index " + i + " outside [0, " + length + ")");
    }
    return i;
  }

  /** A view of entries [from, from + len). */
  public DVector slice(int from, int len) {
    if (from < 0 || len < 0 || from + len > length) {
      throw new IllegalArgumentException("slice [" + from + ", " + (from + len) + ") of a vector of length " + length);
    }
    return new DVector(segment, offset + from, len);
  }

  public void copyFrom(double[] values) {
    if (values.length != length) {
      throw new IllegalArgumentException("length " + values.length + " != vector length " + length);
    }
    MemorySegment.copy(values, 0, segment, JAVA_DOUBLE, offset * Double.BYTES, length);
  }

  /** Copies {@code src} (same length) into this vector. */
  public void copyFrom(DVector src) {
    if (src.length != length) {
      throw new IllegalArgumentException("length " + src.length + " != vector length " + length);
    }
    MemorySegment.copy(src.segment, src.offset * Double.BYTES, segment, offset * Double.BYTES, (long) length * Double.BYTES);
  }

  public double[] toArray() {
    double[] out = new double[length];
    MemorySegment.copy(segment, JAVA_DOUBLE, offset * Double.BYTES, out, 0, length);
    return out;
  }

  public void fill(double v) {
    for (int i = 0; i < length; i++) {
      OffHeap.set(segment, offset + i, v);
    }
  }
}
