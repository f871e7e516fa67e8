package org.dmftbench.linalg;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Off-heap scratch memory reused from one task to the next (one draw after another of an experiment),
 * so that a task's many megabytes are neither requested from nor returned to the system each time.
 *
 * <p>Each task allocates from a {@link #frame()}: an {@link Arena} whose allocations are consecutive
 * slices of one slab, zero-filled like those of {@link Arena#ofConfined()} (except through
 * {@link OffHeap#uninitializedDoubles}, for storage its caller overwrites); closing the frame releases
 * them all at once. A frame that needs more than the slab holds takes the rest from an arena of its own,
 * and the slab is then enlarged to the frame's whole demand before the next frame opens, so from the
 * second task of a kind on, nothing is allocated. The slab lives until {@link #close()}.
 *
 * <p>At N = P = 1024, taking a draw's memory fresh from the system and returning it after each draw
 * cost 7 % of the draw on this project's machine (13 ms, median of five interleaved JMH rounds,
 * results/2026-11-23-workspace-jdk25).
 *
 * <p>Not thread-safe and confined: the workspace, its frames and their segments belong to the thread
 * that created the workspace; a multi-threaded experiment gives each worker its own. One frame at a time
 * is open. Segments of a closed frame must not be used: the next frame hands out the same memory (they
 * stay accessible until the workspace closes, so such misuse is not detected).
 */
public final class Workspace implements AutoCloseable {

  private final boolean poison;
  private Arena slabArena;
  private MemorySegment slab;
  private long wanted;
  private Frame open;
  private boolean closed;

  /**
   * An empty workspace: the first frame takes its memory from an arena of its own, and the slab is
   * sized by that frame's demand.
   */
  public Workspace() {
    this(0);
  }

  /** A workspace whose slab starts at {@code bytes} (it still grows when a frame needs more). */
  public Workspace(long bytes) {
    this(bytes, false);
  }

  private Workspace(long bytes, boolean poison) {
    if (bytes < 0) {
      throw new IllegalArgumentException("workspace size must be >= 0, got " + bytes);
    }
    wanted = bytes;
    this.poison = poison;
  }

  /**
   * For tests: a workspace whose {@linkplain OffHeap#uninitializedDoubles uninitialized} allocations
   * are filled with NaNs, so that code reading such memory before writing it gives NaN results.
   */
  public static Workspace poisoned() {
    return new Workspace(0, true);
  }

  /** Bytes of the slab: 0 until a frame has opened after one that showed how much a frame needs. */
  public long capacity() {
    return slab == null ? 0 : slab.byteSize();
  }

  /**
   * Opens a frame: an arena allocating from this workspace until it is closed.
   *
   * @throws IllegalStateException when a frame is open or the workspace is closed
   * @throws IllegalArgumentException when the slab cannot be enlarged (not enough memory)
   */
  public Arena frame() {
    if (closed) {
      throw new IllegalStateException("workspace is closed");
    }
    if (open != null) {
      throw new IllegalStateException("a frame of this workspace is already open");
    }
    if (capacity() < wanted) {
      if (slabArena != null) {
        slabArena.close();
        slabArena = null;
        slab = null;
      }
      Arena a = Arena.ofConfined();
      slab = OffHeap.doubles(a, (wanted + Double.BYTES - 1) / Double.BYTES, "workspace");
      slabArena = a;
    }
    open = new Frame();
    return open;
  }

  /** Frees the slab. A frame still open is closed first. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (open != null) {
      open.close();
    }
    closed = true;
    if (slabArena != null) {
      slabArena.close();
      slabArena = null;
      slab = null;
    }
  }

  /** Slices of the slab, then an overflow arena; {@link #close()} rewinds. */
  final class Frame implements Arena {
    private long top;
    private long demand;
    private Arena overflow;
    private boolean done;

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
      return allocate(byteSize, byteAlignment, true);
    }

    /** A slice, zero-filled or not (then NaN-filled in a {@link #poisoned()} workspace). */
    MemorySegment allocate(long byteSize, long byteAlignment, boolean zero) {
      if (done) {
        throw new IllegalStateException("frame is closed");
      }
      if (byteSize < 0 || byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
        throw new IllegalArgumentException("invalid allocation: " + byteSize + " bytes aligned to " + byteAlignment);
      }
      // demand as if every request came from one slab aligned like ours (64 bytes, OffHeap.ALIGNMENT)
      long alignment = Math.max(byteAlignment, OffHeap.ALIGNMENT);
      demand = align(demand, alignment) + byteSize;
      if (slab != null) {
        long start = align(top, alignment);
        if (slab.address() % alignment == 0 && start <= slab.byteSize() - byteSize) {
          MemorySegment s = slab.asSlice(start, byteSize);
          if (zero || poison) {
            s.fill(zero ? (byte) 0 : (byte) 0xff);
          }
          top = start + byteSize;
          return s;
        }
      }
      if (overflow == null) {
        overflow = Arena.ofConfined();
      }
      MemorySegment s = overflow.allocate(byteSize, byteAlignment);
      if (!zero && poison) {
        s.fill((byte) 0xff);
      }
      return s;
    }

    /**
     * The slab's scope, else the overflow arena's (the frame's segments stay valid until the workspace
     * closes; see the class comment).
     */
    @Override
    public MemorySegment.Scope scope() {
      if (slabArena != null) {
        return slabArena.scope();
      }
      if (overflow == null) {
        overflow = Arena.ofConfined();
        if (done) {
          overflow.close();
        }
      }
      return overflow.scope();
    }

    @Override
    public void close() {
      if (done) {
        return;
      }
      done = true;
      if (overflow != null) {
        overflow.close();
        wanted = Math.max(wanted, demand);
      }
      open = null;
    }

    private static long align(long offset, long alignment) {
      return (offset + alignment - 1) & -alignment;
    }
  }
}
