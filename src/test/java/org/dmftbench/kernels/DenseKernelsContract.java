package org.dmftbench.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.dmftbench.Tolerances;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DenseKernels}, run against every implementation (one small subclass per
 * implementation). Each kernel is compared with a naive reference written here on plain arrays:
 * element-wise kernels must match it bit for bit; reductions are compared with a double-double
 * (Ogita–Rump–Oishi Dot2) reference within c·(k + 2)·u·(Σ|terms|), c = {@link Tolerances#REDUCTION_C}.
 * Operands sit at odd offsets inside larger segments whose other entries hold a huge sentinel: a
 * kernel that reads outside its operands is far off, one that writes outside them changes the
 * sentinel bit for bit; outputs with β = 0 start as NaN, which must not propagate. Sizes are awkward on purpose: 0, 1, 3, vector width ± 1, primes, 1000 + 7, and block
 * sizes of the packed products ± 1.
 */
abstract class DenseKernelsContract {

  /** The implementation under test. */
  protected abstract DenseKernels kernels();

  static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15, 16, 17, 31, 33, 64, 97, 1007};
  /**
   * Filler of everything around the operands: large enough (about 2.5e5, against operands in
   * [-1, 1)) that reading it spoils a result far beyond any tolerance, small enough that adding an
   * O(1) term to it changes its bits (neither a NaN, whose payload survives arithmetic, nor a huge
   * value, which absorbs small additions, would reveal a stray write).
   */
  static final double SENTINEL = 0x1.deadbeefp+17;
  static final double U = Tolerances.U;
  static final double C = Tolerances.REDUCTION_C;

  private Arena arena;
  private DenseKernels k;
  private final SplittableRandom rnd = new SplittableRandom(20261123);

  @BeforeEach
  void open() {
    arena = Arena.ofConfined();
    k = kernels();
  }

  @AfterEach
  void close() {
    arena.close();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** An operand: {@code data} (column-major rows×cols, leading dimension ld) at element offset off. */
  final class Op {
    final MemorySegment s;
    final long off;
    final int rows;
    final int cols;
    final int ld;

    Op(int rows, int cols, int ld, long off) {
      this.rows = rows;
      this.cols = cols;
      this.ld = ld;
      this.off = off;
      long size = off + (long) ld * cols + 5;
      s = arena.allocate(size * 8, 64);
      for (long i = 0; i < size; i++) {
        s.setAtIndex(JAVA_DOUBLE, i, SENTINEL);
      }
    }

    double get(int i, int j) {
      return s.getAtIndex(JAVA_DOUBLE, off + i + (long) j * ld);
    }

    void set(int i, int j, double v) {
      s.setAtIndex(JAVA_DOUBLE, off + i + (long) j * ld, v);
    }

    Op random() {
      for (int j = 0; j < cols; j++) {
        for (int i = 0; i < rows; i++) {
          set(i, j, rnd.nextDouble(-1, 1));
        }
      }
      return this;
    }

    /** Sets every entry of the rows×cols region to v. */
    Op fill(double v) {
      for (int j = 0; j < cols; j++) {
        for (int i = 0; i < rows; i++) {
          set(i, j, v);
        }
      }
      return this;
    }

    /** An output with β = 0: NaN everywhere, which the kernel must overwrite without reading. */
    Op nanIfBetaZero(double beta) {
      return beta == 0 ? fill(Double.NaN) : this;
    }

    /**
     * An output lower triangle: the strict upper part back to the sentinel (it must stay untouched),
     * the lower part NaN when β = 0.
     */
    Op lowerOutput(double beta) {
      for (int j = 0; j < cols; j++) {
        for (int i = 0; i < rows; i++) {
          if (i < j) {
            set(i, j, SENTINEL);
          } else if (beta == 0) {
            set(i, j, Double.NaN);
          }
        }
      }
      return this;
    }

    double[][] copy() {
      double[][] c = new double[rows][cols];
      for (int j = 0; j < cols; j++) {
        for (int i = 0; i < rows; i++) {
          c[i][j] = get(i, j);
        }
      }
      return c;
    }

    /** Every entry outside the rows×cols region (and outside {@code keep}) still holds the sentinel. */
    void assertUntouchedOutside(String what, boolean lowerOnly) {
      long size = s.byteSize() / 8;
      for (long e = 0; e < size; e++) {
        long rel = e - off;
        boolean inside = false;
        if (rel >= 0 && ld > 0) {
          long j = rel / ld;
          long i = rel % ld;
          inside = j < cols && i < rows && (!lowerOnly || i >= j);
        }
        if (!inside && Double.doubleToRawLongBits(s.getAtIndex(JAVA_DOUBLE, e))
            != Double.doubleToRawLongBits(SENTINEL)) {
          fail(what + ": element " + e + " outside the operand was written");
        }
      }
    }
  }

  Op mat(int rows, int cols, int extraLd, long off) {
    return new Op(rows, cols, Math.max(1, rows + extraLd), off);
  }

  Op vec(int n, long off) {
    return new Op(n, 1, Math.max(1, n), off);
  }

  /** Σ x_i y_i to about u·|s| + n²u²Σ|x_i y_i| (Ogita, Rump, Oishi, SIAM J. Sci. Comput. 26, 2005, Dot2). */
  static double dot2(double[] x, double[] y, int n) {
    double s = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double p = x[i] * y[i];
      double pe = Math.fma(x[i], y[i], -p);
      double t = s + p;
      double z = t - s;
      double te = (s - (t - z)) + (p - z);
      s = t;
      c += pe + te;
    }
    return s + c;
  }

  static double absDot(double[] x, double[] y, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.abs(x[i] * y[i]);
    }
    return s;
  }

  /** |got − ref| ≤ c·(terms + 2)·u·scale, where scale = Σ|products| + |β·old|. */
  static void assertWithin(String what, double ref, double got, int terms, double scale) {
    double bound = C * (terms + 2) * U * scale;
    if (!(Math.abs(got - ref) <= bound)) {
      fail(String.format("%s: got %.17g, reference %.17g, error %.3g > bound %.3g", what, got, ref,
          Math.abs(got - ref), bound));
    }
  }

  static void assertBits(String what, double want, double got) {
    if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(got)) {
      fail(what + ": expected " + want + " bit for bit, got " + got);
    }
  }

  static double[] column(double[][] m, int j) {
    double[] c = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i][j];
    }
    return c;
  }

  static double[] row(double[][] m, int i) {
    return m[i].clone();
  }

  // ---- level 1 -------------------------------------------------------------------------------

  @Test
  void dotMatchesDoubleDoubleReference() {
    for (int n : SIZES) {
      for (long off : new long[] {0, 3}) {
        Op x = vec(n, off).random();
        Op y = vec(n, off + 1).random();
        double[] xs = column(x.copy(), 0);
        double[] ys = column(y.copy(), 0);
        double got = k.dot(n, x.s, x.off, y.s, y.off);
        assertWithin("dot n=" + n, dot2(xs, ys, n), got, n, absDot(xs, ys, n));
      }
    }
    assertEquals(0.0, k.dot(0, vec(0, 0).s, 0, vec(0, 0).s, 0));
  }

  @Test
  void dotOfLargeCancellingVector() {
    int n = 100_003;
    Op x = vec(n, 1).random();
    Op y = vec(n, 2);
    for (int i = 0; i < n; i++) {
      y.set(i, 0, (i % 2 == 0 ? 1e8 : -1e8) + x.get(i, 0));
    }
    double[] xs = column(x.copy(), 0);
    double[] ys = column(y.copy(), 0);
    assertWithin("dot n=" + n, dot2(xs, ys, n), k.dot(n, x.s, x.off, y.s, y.off), n, absDot(xs, ys, n));
  }

  /**
   * secularSums against a double-double reference of the same terms (q_i = z_i/(diff_i − t) is one
   * subtraction and one division, the same in every implementation): each sum within
   * c·(k + 2)·u·Σ|terms|, over sub-ranges that start and end off the vector width, with poles on
   * both sides of t as in the secular equation.
   */
  @Test
  void secularSumsMatchDoubleDoubleReference() {
    double[] out = new double[2];
    for (int n : SIZES) {
      double[] z = new double[n + 5];
      double[] diff = new double[n + 5];
      for (int i = 0; i < z.length; i++) {
        z[i] = rnd.nextDouble(-1, 1);
        diff[i] = (i - 0.5 * n) * 1e-3 + rnd.nextDouble(-1e-4, 1e-4);
      }
      double t = 1.5e-4;
      for (int from : new int[] {0, 2}) {
        int to = from + n;
        double[] zq = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
          q[i] = z[from + i] / (diff[from + i] - t);
          zq[i] = z[from + i];
        }
        k.secularSums(from, to, z, diff, t, out);
        assertWithin("secular sum n=" + n + " from " + from, dot2(zq, q, n), out[0], n, absDot(zq, q, n));
        assertWithin("secular derivative n=" + n + " from " + from, dot2(q, q, n), out[1], n, absDot(q, q, n));
        double[] got = new double[n + 5];
        java.util.Arrays.fill(got, Double.NaN);
        double norm2 = k.secularQuotients(from, to, z, diff, t, got);
        assertWithin("secular quotients' squared norm n=" + n + " from " + from, dot2(q, q, n), norm2, n,
            absDot(q, q, n));
        for (int i = 0; i < got.length; i++) {
          if (i >= from && i < to) {
            assertBits("secular quotient n=" + n + " i=" + i, q[i - from], got[i]);
          } else {
            assertTrue(Double.isNaN(got[i]), "secular quotients wrote outside [from, to) at " + i);
          }
        }
      }
    }
  }

  @Test
  void axpyIsBitExact() {
    for (int n : SIZES) {
      Op x = vec(n, 5).random();
      Op y = vec(n, 2).random();
      double a = -1.0 / 3;
      double[] want = new double[n];
      for (int i = 0; i < n; i++) {
        want[i] = Math.fma(a, x.get(i, 0), y.get(i, 0));
      }
      k.axpy(n, a, x.s, x.off, y.s, y.off);
      for (int i = 0; i < n; i++) {
        assertBits("axpy n=" + n + " i=" + i, want[i], y.get(i, 0));
      }
      y.assertUntouchedOutside("axpy n=" + n, false);
      x.assertUntouchedOutside("axpy x n=" + n, false);
    }
  }

  @Test
  void scalIsBitExact() {
    for (int n : SIZES) {
      Op x = vec(n, 7).random();
      double a = Math.PI;
      double[] want = new double[n];
      for (int i = 0; i < n; i++) {
        want[i] = a * x.get(i, 0);
      }
      k.scal(n, a, x.s, x.off);
      for (int i = 0; i < n; i++) {
        assertBits("scal n=" + n + " i=" + i, want[i], x.get(i, 0));
      }
      x.assertUntouchedOutside("scal n=" + n, false);
    }
  }

  /** ‖x‖ with BigDecimal arithmetic (exact squares, 40-digit square root). */
  static double exactNorm(double[] x) {
    BigDecimal s = BigDecimal.ZERO;
    for (double v : x) {
      BigDecimal b = new BigDecimal(v);
      s = s.add(b.multiply(b));
    }
    return s.sqrt(new MathContext(40)).doubleValue();
  }

  @Test
  void nrm2IsAccurateAndOverflowSafe() {
    double[] scales = {1, 1e300, 1e-300, 0x1p-1074 * 4, 1.7e308 / 2000};
    for (int n : SIZES) {
      for (double scale : scales) {
        Op x = vec(n, 1).random();
        for (int i = 0; i < n; i++) {
          x.set(i, 0, x.get(i, 0) * scale);
        }
        double[] xs = column(x.copy(), 0);
        double ref = exactNorm(xs);
        double got = k.nrm2(n, x.s, x.off);
        double bound = Tolerances.NRM2_C * (n + 2) * U * ref;
        // subnormal inputs carry an absolute error of half their spacing
        bound += scale < 1e-300 ? Math.sqrt(n) * Double.MIN_VALUE : 0;
        assertTrue(Math.abs(got - ref) <= bound,
            "nrm2 n=" + n + " scale=" + scale + ": got " + got + ", reference " + ref);
      }
    }
  }

  @Test
  void nrm2OfMixedMagnitudesZeroAndNaN() {
    Op x = vec(9, 0);
    double[] v = {1e300, 1, -1e300, 1e-300, 0, 3e299, -1, 0, 1e300};
    for (int i = 0; i < v.length; i++) {
      x.set(i, 0, v[i]);
    }
    double ref = exactNorm(v);
    assertEquals(ref, k.nrm2(9, x.s, x.off), 11 * U * ref);
    Op z = vec(13, 2);
    for (int i = 0; i < 13; i++) {
      z.set(i, 0, 0.0);
    }
    assertEquals(0.0, k.nrm2(13, z.s, z.off));
    assertEquals(0.0, k.nrm2(0, z.s, z.off));
    z.set(6, 0, Double.NaN);
    assertTrue(Double.isNaN(k.nrm2(13, z.s, z.off)), "nrm2 of a vector with NaN must be NaN");
  }

  // ---- level 2 -------------------------------------------------------------------------------

  static final int[][] GEMV_SHAPES = {{0, 0}, {0, 3}, {3, 0}, {1, 1}, {3, 5}, {5, 3}, {4, 4}, {8, 9},
      {9, 7}, {17, 13}, {31, 33}, {1007, 5}, {6, 1007}, {64, 97}};

  @Test
  void gemvNAndT() {
    double[][] coefs = {{1, 0}, {-0.7, 0.3}, {2, 1}, {0, 0.5}};
    for (int[] sh : GEMV_SHAPES) {
      for (boolean trans : new boolean[] {false, true}) {
        for (double[] ab : coefs) {
          int m = sh[0];
          int n = sh[1];
          Op a = mat(m, n, 3, 1).random();
          int xl = trans ? m : n;
          int yl = trans ? n : m;
          Op x = vec(xl, 2).random();
          Op y = ab[1] != 0 ? vec(yl, 3).random() : vec(yl, 3).fill(Double.NaN); // β = 0 must not read y
          double[][] am = a.copy();
          double[] xs = column(x.copy(), 0);
          double[] y0 = column(y.copy(), 0);
          if (trans) {
            k.gemvT(m, n, ab[0], a.s, a.off, a.ld, x.s, x.off, ab[1], y.s, y.off);
          } else {
            k.gemvN(m, n, ab[0], a.s, a.off, a.ld, x.s, x.off, ab[1], y.s, y.off);
          }
          for (int i = 0; i < yl; i++) {
            double[] arow = trans ? column(am, i) : row(am, i);
            double old = ab[1] == 0 ? 0 : ab[1] * y0[i];
            double ref = Math.fma(ab[0], dot2(arow, xs, xl), old);
            assertWithin("gemv" + (trans ? "T" : "N") + " " + m + "x" + n + " i=" + i, ref, y.get(i, 0), xl,
                Math.abs(ab[0]) * absDot(arow, xs, xl) + Math.abs(old));
          }
          y.assertUntouchedOutside("gemv y", false);
        }
      }
    }
  }

  /** A random n×n symmetric matrix stored in its lower triangle; the strict upper triangle is NaN. */
  Op lowerSymmetric(int n, int extraLd, long off) {
    Op a = mat(n, n, extraLd, off).random();
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < j; i++) {
        a.set(i, j, Double.NaN);
      }
    }
    return a;
  }

  static double[][] symmetricFromLower(double[][] a) {
    int n = a.length;
    double[][] f = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        f[i][j] = i >= j ? a[i][j] : a[j][i];
      }
    }
    return f;
  }

  @Test
  void symvLowerReadsOnlyTheLowerTriangle() {
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 31, 64, 101, 259}) {
      for (double beta : new double[] {0, 1, -0.5}) {
        Op a = lowerSymmetric(n, 2, 3);
        Op x = vec(n, 1).random();
        Op y = vec(n, 2).random().nanIfBetaZero(beta);
        double alpha = 1.25;
        double[][] f = symmetricFromLower(a.copy());
        double[] xs = column(x.copy(), 0);
        double[] y0 = column(y.copy(), 0);
        k.symvLower(n, alpha, a.s, a.off, a.ld, x.s, x.off, beta, y.s, y.off);
        for (int i = 0; i < n; i++) {
          double old = beta == 0 ? 0 : beta * y0[i];
          double ref = Math.fma(alpha, dot2(f[i], xs, n), old);
          assertWithin("symv n=" + n + " i=" + i, ref, y.get(i, 0), n,
              Math.abs(alpha) * absDot(f[i], xs, n) + Math.abs(old));
        }
      }
    }
  }

  @Test
  void packLowerCopiesTheLowerTriangleIntoTilesAndPadsWithZeros() {
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 31, 64, 101}) {
      Op a = lowerSymmetric(n, 3, 2);
      double[][] am = a.copy();
      long size = PackedLower.size(n);
      Op p = new Op((int) size, 1, (int) Math.max(1, size), 5);
      k.packLower(n, a.s, a.off, a.ld, p.s, p.off);
      int nt = PackedLower.blocks(n);
      for (int b = 0; b < nt; b++) {
        for (int t = 0; b + t < nt; t++) {
          for (int q = 0; q < PackedLower.WIDTH; q++) {
            for (int r = 0; r < PackedLower.WIDTH; r++) {
              int i = PackedLower.WIDTH * (b + t) + r;
              int j = PackedLower.WIDTH * b + q;
              double want = i < n && j < n && i >= j ? am[i][j] : 0.0;
              long e = PackedLower.blockOffset(n, b) + (long) PackedLower.TILE * t + PackedLower.WIDTH * q + r;
              assertBits("pack n=" + n + " (" + i + "," + j + ")", want, p.get((int) e, 0));
              if (i < n && i >= j) {
                assertEquals(e, PackedLower.index(n, i, j));
              }
            }
          }
        }
      }
      assertEquals(size, n == 0 ? 0 : PackedLower.blockOffset(n, nt - 1) + PackedLower.TILE);
      p.assertUntouchedOutside("pack n=" + n, false);
    }
  }

  @Test
  void packedSymvMatchesTheReferenceOnEveryTrailingBlock() {
    for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 13, 31, 64, 101, 259}) {
      Op a = lowerSymmetric(n, 1, 3);
      double[][] f = symmetricFromLower(a.copy());
      long size = PackedLower.size(n);
      Op p = new Op((int) size, 1, (int) Math.max(1, size), 1);
      k.packLower(n, a.s, a.off, a.ld, p.s, p.off);
      for (int from = 0; from < n; from += from < 12 ? PackedLower.WIDTH : 5 * PackedLower.WIDTH) {
        int m = n - from;
        for (double beta : new double[] {0, 1, -0.5}) {
          Op x = vec(m, 2).random();
          Op y = vec(m, 3).random().nanIfBetaZero(beta);
          double alpha = -0.75;
          double[] xs = column(x.copy(), 0);
          double[] y0 = column(y.copy(), 0);
          k.symvLowerPacked(n, from, alpha, p.s, p.off, x.s, x.off, beta, y.s, y.off);
          for (int i = 0; i < m; i++) {
            double[] rowi = new double[m];
            System.arraycopy(f[from + i], from, rowi, 0, m);
            double old = beta == 0 ? 0 : beta * y0[i];
            double ref = Math.fma(alpha, dot2(rowi, xs, m), old);
            assertWithin("packed symv n=" + n + " from=" + from + " i=" + i, ref, y.get(i, 0), m,
                Math.abs(alpha) * absDot(rowi, xs, m) + Math.abs(old));
          }
          y.assertUntouchedOutside("packed symv n=" + n, false);
        }
      }
    }
  }

  @Test
  void syr2LowerIsBitExactAndLeavesTheUpperTriangle() {
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 8, 9, 13, 31, 64, 101}) {
      Op a = mat(n, n, 1, 2).random();
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < j; i++) {
          a.set(i, j, SENTINEL);
        }
      }
      Op x = vec(n, 1).random();
      Op y = vec(n, 4).random();
      double alpha = -0.75;
      double[][] a0 = a.copy();
      k.syr2Lower(n, alpha, x.s, x.off, y.s, y.off, a.s, a.off, a.ld);
      for (int j = 0; j < n; j++) {
        double t1 = alpha * y.get(j, 0);
        double t2 = alpha * x.get(j, 0);
        for (int i = 0; i < n; i++) {
          double want = i >= j ? Math.fma(y.get(i, 0), t2, Math.fma(x.get(i, 0), t1, a0[i][j])) : SENTINEL;
          assertBits("syr2 n=" + n + " (" + i + "," + j + ")", want, a.get(i, j));
        }
      }
    }
  }

  // ---- level 3 -------------------------------------------------------------------------------

  /**
   * (m, n, k) shapes: empty, tiny (direct path), awkward, across the packed block sizes, and narrow
   * (n ≤ {@link org.dmftbench.Tuning#GEMM_NARROW_COLS}: odd m, k below, at and around the vector
   * width, the unpacked path of op(A) = Aᵀ).
   */
  static final int[][] GEMM_SHAPES = {{0, 0, 0}, {0, 4, 3}, {4, 0, 3}, {4, 3, 0}, {1, 1, 1}, {3, 5, 7},
      {12, 4, 9}, {13, 5, 17}, {11, 3, 2}, {25, 7, 1}, {37, 29, 31}, {8, 9, 257}, {145, 9, 300},
      {50, 61, 130}, {289, 13, 5}, {5, 2053, 3}, {150, 1, 300}, {33, 2, 263}, {97, 3, 41}, {64, 4, 1031},
      {301, 3, 5}, {1201, 2, 3}, {2, 4, 1021}};

  @Test
  void gemmAllTransposeCombinations() {
    double[][] coefs = {{1, 0}, {-1.5, 0.25}};
    for (int[] sh : GEMM_SHAPES) {
      for (int t = 0; t < 4; t++) {
        for (double[] ab : coefs) {
          checkGemm((t & 1) != 0, (t & 2) != 0, sh[0], sh[1], sh[2], ab[0], ab[1]);
        }
      }
    }
  }

  private void checkGemm(boolean ta, boolean tb, int m, int n, int kk, double alpha, double beta) {
    Op a = ta ? mat(kk, m, 3, 1).random() : mat(m, kk, 2, 5).random();
    Op b = tb ? mat(n, kk, 1, 2).random() : mat(kk, n, 4, 3).random();
    Op c = mat(m, n, 5, 7).random().nanIfBetaZero(beta);
    double[][] am = a.copy();
    double[][] bm = b.copy();
    double[][] c0 = c.copy();
    k.gemm(ta, tb, m, n, kk, alpha, a.s, a.off, a.ld, b.s, b.off, b.ld, beta, c.s, c.off, c.ld);
    String what = "gemm" + (ta ? "T" : "N") + (tb ? "T" : "N") + " " + m + "x" + n + "x" + kk + " beta=" + beta;
    for (int i = 0; i < m; i++) {
      double[] ai = ta ? column(am, i) : row(am, i);
      for (int j = 0; j < n; j++) {
        double[] bj = tb ? row(bm, j) : column(bm, j);
        double old = beta == 0 ? 0 : beta * c0[i][j];
        double ref = Math.fma(alpha, dot2(ai, bj, kk), old);
        assertWithin(what + " (" + i + "," + j + ")", ref, c.get(i, j), kk,
            Math.abs(alpha) * absDot(ai, bj, kk) + Math.abs(old));
      }
    }
    c.assertUntouchedOutside(what, false);
  }

  @Test
  void syr2kLowerMatchesReference() {
    int[][] shapes = {{0, 3}, {3, 0}, {1, 1}, {3, 2}, {5, 7}, {13, 32}, {37, 5}, {150, 33}, {157, 129}};
    for (int[] sh : shapes) {
      for (double beta : new double[] {0, 1, 0.5}) {
        int n = sh[0];
        int kk = sh[1];
        Op a = mat(n, kk, 3, 1).random();
        Op b = mat(n, kk, 0, 2).random();
        Op c = mat(n, n, 2, 3).random().lowerOutput(beta);
        double[][] am = a.copy();
        double[][] bm = b.copy();
        double[][] c0 = c.copy();
        double alpha = -1;
        k.syr2kLower(n, kk, alpha, a.s, a.off, a.ld, b.s, b.off, b.ld, beta, c.s, c.off, c.ld);
        String what = "syr2k n=" + n + " k=" + kk + " beta=" + beta;
        for (int j = 0; j < n; j++) {
          for (int i = j; i < n; i++) {
            double[] x = new double[2 * kk];
            double[] y = new double[2 * kk];
            for (int p = 0; p < kk; p++) {
              x[p] = am[i][p];
              y[p] = bm[j][p];
              x[kk + p] = bm[i][p];
              y[kk + p] = am[j][p];
            }
            double old = beta == 0 ? 0 : beta * c0[i][j];
            double ref = Math.fma(alpha, dot2(x, y, 2 * kk), old);
            assertWithin(what + " (" + i + "," + j + ")", ref, c.get(i, j), 2 * kk,
                Math.abs(alpha) * absDot(x, y, 2 * kk) + Math.abs(old));
          }
        }
        c.assertUntouchedOutside(what, true);
      }
    }
  }

  @Test
  void syrkLowerMatchesReference() {
    int[][] shapes = {{0, 3}, {3, 0}, {1, 1}, {4, 3}, {9, 2}, {13, 50}, {150, 7}, {61, 300}};
    for (int[] sh : shapes) {
      for (double beta : new double[] {0, 1, -2}) {
        int n = sh[0];
        int kk = sh[1];
        Op a = mat(kk, n, 3, 1).random();
        Op c = mat(n, n, 1, 2).random().lowerOutput(beta);
        double[][] am = a.copy();
        double[][] c0 = c.copy();
        double alpha = 1.0 / 3;
        k.syrkLower(n, kk, alpha, a.s, a.off, a.ld, beta, c.s, c.off, c.ld);
        String what = "syrk n=" + n + " k=" + kk + " beta=" + beta;
        for (int j = 0; j < n; j++) {
          double[] aj = column(am, j);
          for (int i = j; i < n; i++) {
            double[] ai = column(am, i);
            double old = beta == 0 ? 0 : beta * c0[i][j];
            double ref = Math.fma(alpha, dot2(ai, aj, kk), old);
            assertWithin(what + " (" + i + "," + j + ")", ref, c.get(i, j), kk,
                Math.abs(alpha) * absDot(ai, aj, kk) + Math.abs(old));
          }
        }
        c.assertUntouchedOutside(what, true);
      }
    }
  }

  // ---- against the scalar twin ---------------------------------------------------------------

  @Test
  void agreesWithTheScalarTwin() {
    DenseKernels twin = new ScalarDenseKernels();
    for (int n : SIZES) {
      Op x = vec(n, 1).random();
      Op y = vec(n, 2).random();
      double[] xs = column(x.copy(), 0);
      double[] ys = column(y.copy(), 0);
      double bound = 2 * C * (n + 2) * U * absDot(xs, ys, n);
      assertTrue(Math.abs(k.dot(n, x.s, x.off, y.s, y.off) - twin.dot(n, x.s, x.off, y.s, y.off)) <= bound,
          "dot differs from the twin beyond the bound, n=" + n);
      double nt = twin.nrm2(n, x.s, x.off);
      assertEquals(nt, k.nrm2(n, x.s, x.off), 2 * Tolerances.NRM2_C * (n + 2) * U * nt, "nrm2 n=" + n);
    }
    int m = 53;
    int n = 47;
    int kk = 61;
    Op a = mat(m, kk, 1, 1).random();
    Op b = mat(kk, n, 2, 2).random();
    Op c1 = mat(m, n, 0, 0);
    Op c2 = mat(m, n, 0, 0);
    k.gemm(false, false, m, n, kk, 1, a.s, a.off, a.ld, b.s, b.off, b.ld, 0, c1.s, c1.off, c1.ld);
    twin.gemm(false, false, m, n, kk, 1, a.s, a.off, a.ld, b.s, b.off, b.ld, 0, c2.s, c2.off, c2.ld);
    double[][] am = a.copy();
    double[][] bm = b.copy();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double scale = absDot(row(am, i), column(bm, j), kk);
        assertTrue(Math.abs(c1.get(i, j) - c2.get(i, j)) <= 2 * C * (kk + 2) * U * scale,
            "gemm differs from the twin at (" + i + "," + j + ")");
      }
    }
  }
}
