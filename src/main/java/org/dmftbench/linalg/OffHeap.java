package org.dmftbench.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;

/** Allocation of 64-byte aligned double storage, with a clear message when it cannot fit. */
public final class OffHeap {

  /** Alignment of every allocation: one cache line, and a multiple of every vector width up to 512 bits. */
  public static final long ALIGNMENT = 64;

  /**
   * Physical memory of this machine (or container), in bytes; 0 when the JVM cannot tell. Off-heap
   * allocations are zero-filled, so on Linux an allocation beyond it is not refused: the process is
   * killed when the pages are touched. Hence the explicit check.
   */
  private static final long PHYSICAL_MEMORY = physicalMemory();

  private OffHeap() {
  }

  private static long physicalMemory() {
    try {
      return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getTotalMemorySize() : 0;
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }

  /**
   * Throws {@link IllegalArgumentException} naming {@code what} when {@code bytes} exceed the
   * machine's physical memory (no check when it is unknown).
   */
  public static void requireFits(long bytes, String what) {
    if (PHYSICAL_MEMORY > 0 && bytes > PHYSICAL_MEMORY) {
      throw new IllegalArgumentException(String.format(
          "%s: cannot allocate %.3g GiB, more than the %.3g GiB of memory of this machine", what,
          bytes / 1073741824.0, PHYSICAL_MEMORY / 1073741824.0));
    }
  }

  /**
   * Allocates {@code count} doubles, zero-filled, owned by {@code arena}.
   *
   * @throws IllegalArgumentException when count is negative or the storage cannot be allocated
   */
  public static MemorySegment doubles(Arena arena, long count, String what) {
    return allocate(arena, count, what, true);
  }

  /**
   * As {@link #doubles}, but the contents are unspecified when {@code arena} is a frame of a
   * {@link Workspace} (they are what the previous task left there): for storage that the caller
   * writes in full before reading, which then costs no zero-fill pass. Other arenas zero-fill anyway.
   */
  public static MemorySegment uninitializedDoubles(Arena arena, long count, String what) {
    return allocate(arena, count, what, false);
  }

  private static MemorySegment allocate(Arena arena, long count, String what, boolean zero) {
    if (count < 0) {
      throw new IllegalArgumentException(what + ": negative size " + count);
    }
    if (count > Long.MAX_VALUE / Double.BYTES) {
      throw new IllegalArgumentException(what + ": " + count + " doubles do not fit in a 64-bit address space");
    }
    long bytes = count * Double.BYTES;
    requireFits(bytes, what);
    try {
      return !zero && arena instanceof Workspace.Frame frame ? frame.allocate(bytes, ALIGNMENT, false)
          : arena.allocate(bytes, ALIGNMENT);
    } catch (OutOfMemoryError e) {
      throw new IllegalArgumentException(String.format(
          "%s: cannot allocate %.3g GiB of off-heap memory (%s)", what, bytes / 1073741824.0, e.getMessage()));
    }
  }

  /** Reads element i of a double segment. */
  static double get(MemorySegment s, long i) {
    return s.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
  }

  /** Writes element i of a double segment. */
  static void set(MemorySegment s, long i, double v) {
    s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
  }
}
