package org.dmftbench.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.dmftbench.kernels.Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Off-heap vectors and matrices (views, alignment, allocation errors) and the Blas facade's checks. */
final class LinalgTest {

  private static void assertIllegal(String fragment, Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' lacks '" + fragment + "'");
  }

  @Test
  void matrixViewsShareStorage() {
    try (Arena arena = Arena.ofConfined()) {
      DMatrix m = DMatrix.of(arena, new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
      assertEquals(8, m.ld());
      assertEquals(0, m.segment().address() % OffHeap.ALIGNMENT);
      DMatrix v = m.view(1, 1, 2, 2);
      assertArrayEquals(new double[] {5, 6}, v.toArray()[0]);
      assertArrayEquals(new double[] {8, 9}, v.toArray()[1]);
      v.set(0, 1, -6);
      assertEquals(-6, m.get(1, 2));
      DMatrix vv = v.view(1, 0, 1, 2);
      assertEquals(8, vv.get(0, 0));
      DVector col = m.column(2);
      assertArrayEquals(new double[] {3, -6, 9}, col.toArray());
      col.slice(1, 2).set(1, 10);
      assertEquals(10, m.get(2, 2));
      assertEquals(264, DMatrix.paddedLeadingDimension(256), "power-of-two columns are padded against cache aliasing");
      assertThrows(IndexOutOfBoundsException.class, () -> m.get(3, 0));
      assertIllegal("outside a 3x3 matrix", () -> m.view(2, 2, 2, 1));
      assertIllegal("leading dimension 2 < rows 3", () -> DMatrix.allocate(arena, 3, 3, 2));
      assertIllegal("non-negative", () -> DMatrix.allocate(arena, -1, 3));
      assertIllegal("does not fit", () -> DMatrix.wrap(m.segment(), 0, 8, 4, 8));
      assertIllegal("row 1 has 1 entries", () -> DMatrix.of(arena, new double[][] {{1, 2}, {3}}));
      m.set(0, 0, Double.NaN);
      assertIllegal("non-finite entry NaN at (1, 1)", () -> m.requireFinite("A"));
    }
  }

  @Test
  void vectorViews() {
    try (Arena arena = Arena.ofConfined()) {
      DVector x = DVector.of(arena, 1, 2, 3, 4, 5);
      DVector s = x.slice(1, 3);
      assertEquals(1, s.offset());
      s.fill(0);
      assertArrayEquals(new double[] {1, 0, 0, 0, 5}, x.toArray());
      assertThrows(IndexOutOfBoundsException.class, () -> s.get(3));
      assertIllegal("slice [4, 6)", () -> x.slice(4, 2));
      assertIllegal("length 2 != vector length 5", () -> x.copyFrom(new double[2]));
      assertIllegal("must be >= 0", () -> DVector.allocate(arena, -3));
    }
  }

  @Test
  void absurdSizesGiveAClearError() {
    try (Arena arena = Arena.ofConfined()) {
      // 2^40 doubles = 8 TiB: cannot be allocated on any machine this runs on.
      assertIllegal("cannot allocate", () -> DMatrix.allocate(arena, 1 << 20, 1 << 20));
      assertIllegal("do not fit in a 64-bit address space", () -> OffHeap.doubles(arena, Long.MAX_VALUE / 4, "x"));
    }
  }

  @Test
  void blasChecksShapes() {
    try (Arena arena = Arena.ofConfined()) {
      Blas blas = Blas.get();
      DMatrix a23 = DMatrix.allocate(arena, 2, 3);
      DMatrix a33 = DMatrix.allocate(arena, 3, 3);
      DVector v2 = DVector.allocate(arena, 2);
      DVector v3 = DVector.allocate(arena, 3);
      assertIllegal("dot: vector lengths differ: 2 vs 3", () -> blas.dot(v2, v3));
      assertIllegal("axpy:", () -> blas.axpy(1, v2, v3));
      assertIllegal("gemv: op(A) is 2x3", () -> blas.gemv(false, 1, a23, v2, 0, v2));
      assertIllegal("gemv: op(A) is 3x2", () -> blas.gemv(true, 1, a23, v3, 0, v3));
      assertIllegal("symv: A must be square", () -> blas.symv(1, a23, v3, 0, v3));
      assertIllegal("syr2: A must be square", () -> blas.syr2(1, v2, v2, a23));
      assertIllegal("syr2k:", () -> blas.syr2k(1, a23, a33, 0, a33));
      assertIllegal("syrk: C is 3x3 but A is 3x2", () -> blas.syrk(1, DMatrix.allocate(arena, 3, 2), 0, a33));
      assertIllegal("gemm: op(A) is 2x3, op(B) 2x3", () -> blas.gemm(false, false, 1, a23, a23, 0, a33));
    }
  }

  @Test
  void blasComputesThroughTheChosenKernels() {
    try (Arena arena = Arena.ofConfined()) {
      Blas blas = Blas.get();
      assertEquals(Kernels.dense(), blas.kernels());
      DMatrix a = DMatrix.of(arena, new double[][] {{1, 2}, {3, 4}, {5, 6}});
      DMatrix c = DMatrix.allocate(arena, 2, 2);
      blas.syrk(0.5, a, 0, c); // lower triangle of AᵀA/2 = [[35, 44], [44, 56]]/2
      assertEquals(17.5, c.get(0, 0));
      assertEquals(22, c.get(1, 0));
      assertEquals(28, c.get(1, 1));
      assertEquals(0, c.get(0, 1), "the upper triangle is not written");
      DMatrix p = DMatrix.allocate(arena, 2, 2);
      blas.gemm(true, false, 1, a, a, 0, p);
      assertArrayEquals(new double[] {35, 44}, p.toArray()[0]);
      DVector x = DVector.of(arena, 1, -1);
      DVector y = DVector.allocate(arena, 3);
      blas.gemv(false, 2, a, x, 0, y);
      assertArrayEquals(new double[] {-2, -2, -2}, y.toArray());
      assertEquals(5, blas.nrm2(DVector.of(arena, 3, 4)));
    }
  }

  @Test
  void gatherAndScatterColumns() {
    try (Arena arena = Arena.ofConfined()) {
      DMatrix a = DMatrix.of(arena, new double[][] {{1, 2, 3}, {4, 5, 6}});
      DMatrix g = a.gatherColumns(new int[] {2, 0}, arena);
      assertArrayEquals(new double[][] {{3, 1}, {6, 4}}, g.toArray());
      assertEquals(0, a.gatherColumns(new int[0], arena).cols());
      DMatrix b = DMatrix.allocate(arena, 2, 3);
      b.scatterColumns(g, new int[] {1, 2});
      assertArrayEquals(new double[][] {{0, 3, 1}, {0, 6, 4}}, b.toArray());
      assertThrows(IllegalArgumentException.class, () -> b.scatterColumns(g, new int[] {0, 1, 2}));
    }
  }
}
