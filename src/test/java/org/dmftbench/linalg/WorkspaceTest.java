package org.dmftbench.linalg;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The reusable scratch memory: zero-filled, aligned, disjoint allocations; growth; one frame at a time. */
final class WorkspaceTest {

  private static void fill(MemorySegment s, double v) {
    for (long i = 0; i < s.byteSize() / Double.BYTES; i++) {
      s.setAtIndex(JAVA_DOUBLE, i, v);
    }
  }

  private static void assertZero(MemorySegment s) {
    for (long i = 0; i < s.byteSize() / Double.BYTES; i++) {
      assertEquals(0L, Double.doubleToRawLongBits(s.getAtIndex(JAVA_DOUBLE, i)), "element " + i);
    }
  }

  @Test
  void framesReuseOneSlabZeroFilledAndAligned() {
    try (Workspace ws = new Workspace()) {
      assertEquals(0, ws.capacity());
      long[] sizes = {0, 1, 3, 8, 1000, 4096 * 3 + 5};
      for (int round = 0; round < 3; round++) {
        try (Arena frame = ws.frame()) {
          // the first frame takes its memory elsewhere and sizes the slab for the next ones
          assertTrue(round == 0 ? ws.capacity() == 0 : ws.capacity() >= demand(sizes), "slab " + ws.capacity());
          MemorySegment[] got = new MemorySegment[sizes.length];
          for (int q = 0; q < sizes.length; q++) {
            got[q] = OffHeap.doubles(frame, sizes[q], "test");
            assertEquals(0, got[q].address() % OffHeap.ALIGNMENT, "aligned");
            assertEquals(sizes[q] * Double.BYTES, got[q].byteSize());
            assertZero(got[q]);
            fill(got[q], q + 1.0 + round);
          }
          // disjoint: each kept the value written into it
          for (int q = 0; q < sizes.length; q++) {
            for (long i = 0; i < sizes[q]; i++) {
              assertEquals(q + 1.0 + round, got[q].getAtIndex(JAVA_DOUBLE, i));
            }
          }
        }
      }
    }
  }

  /** Bytes of doubles of the given counts, each start rounded up to 64 bytes. */
  private static long demand(long[] counts) {
    long demand = 0;
    for (long c : counts) {
      demand = (demand + 63) / 64 * 64 + c * Double.BYTES;
    }
    return demand;
  }

  @Test
  void slabGrowsWhenALaterFrameNeedsMore() {
    try (Workspace ws = new Workspace(1024)) {
      try (Arena frame = ws.frame()) {
        assertEquals(1024, ws.capacity());
        fill(OffHeap.doubles(frame, 100, "small"), 7);
      }
      try (Arena frame = ws.frame()) {
        MemorySegment a = OffHeap.doubles(frame, 100, "reused");
        assertZero(a);
        MemorySegment b = OffHeap.doubles(frame, 5000, "beyond the slab");
        assertZero(b);
        fill(b, 3);
        assertZero(a);
      }
      long grown;
      try (Arena frame = ws.frame()) {
        grown = ws.capacity();
        assertTrue(grown >= demand(new long[] {100, 5000}), "slab " + grown);
        OffHeap.doubles(frame, 100, "a");
        OffHeap.doubles(frame, 5000, "b");
      }
      try (Arena frame = ws.frame()) {
        assertEquals(grown, ws.capacity(), "no growth once the slab fits the frame");
      }
    }
  }

  @Test
  void oneFrameAtATimeAndNothingAfterClose() {
    Workspace ws = new Workspace();
    Arena frame = ws.frame();
    assertTrue(frame.scope().isAlive());
    assertThrows(IllegalStateException.class, ws::frame);
    frame.close();
    assertThrows(IllegalStateException.class, () -> frame.allocate(8, 8));
    Arena empty = ws.frame();
    empty.close();
    assertTrue(!empty.scope().isAlive(), "a closed frame with no memory of its own has a dead scope");
    try (Arena again = ws.frame()) {
      assertZero(again.allocate(64, 8));
    }
    ws.close();
    assertThrows(IllegalStateException.class, ws::frame);
    assertThrows(IllegalArgumentException.class, () -> new Workspace(-1));
  }
  @Test
  void uninitializedStorageIsLeftAsFoundOrPoisoned() {
    try (Workspace ws = new Workspace(); Workspace poisoned = Workspace.poisoned()) {
      for (int round = 0; round < 3; round++) {
        try (Arena frame = ws.frame(); Arena pf = poisoned.frame()) {
          MemorySegment u = OffHeap.uninitializedDoubles(frame, 50, "u");
          if (round == 2) {
            // round 0 sized the slab, round 1 wrote 9s into this slice: they are still there
            assertEquals(9.0, u.getAtIndex(JAVA_DOUBLE, 7));
          }
          fill(u, 9);
          MemorySegment z = OffHeap.doubles(frame, 50, "z");
          assertZero(z);
          MemorySegment p = OffHeap.uninitializedDoubles(pf, 50, "p");
          for (long i = 0; i < 50; i++) {
            assertTrue(Double.isNaN(p.getAtIndex(JAVA_DOUBLE, i)));
          }
          assertZero(OffHeap.doubles(pf, 50, "zero"));
        }
      }
      // other arenas zero-fill
      try (Arena plain = Arena.ofConfined()) {
        assertZero(OffHeap.uninitializedDoubles(plain, 50, "plain"));
      }
    }
  }
}
