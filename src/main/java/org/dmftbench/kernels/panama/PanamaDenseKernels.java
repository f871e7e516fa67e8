package org.dmftbench.kernels.panama;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.dmftbench.kernels.DenseKernels;

/**
 * Vector API dense kernels ({@link DoubleVector}, fused multiply-add) over off-heap segments.
 *
 * <p>Level 1 and 2 kernels stream the segments directly: they are bound by memory bandwidth or by
 * one pass over their operands. Level 3 kernels (gemm, syrk, syr2k) follow Goto &amp; van de Geijn,
 * "Anatomy of high-performance matrix multiplication" (ACM TOMS 34(3), 2008) and the BLIS loop
 * order: op(B) is packed in KC×NC panels and op(A) in MC×KC blocks into contiguous heap arrays
 * (the same micro-kernel reading 64-byte aligned native segments instead ran at half the speed
 * here, n = 1024: 557-571 ms against 255-276 ms of thread CPU time), and a
 * register-blocked MR×NR micro-kernel, MR = 2 vectors and NR = 6, runs the multiply-adds.
 * Block sizes are in {@link org.dmftbench.Tuning}.
 *
 * <p>Element-wise kernels (axpy, scal, syr2) use the same operations per element as
 * {@link org.dmftbench.kernels.ScalarDenseKernels} and are bit-identical to it; reductions sum in
 * a different order and agree to within the usual c·n·u·Σ|terms| bound.
 *
 * <p>The species is the JVM's preferred one, held in a {@code static final} field: C2 compiles
 * Vector API calls into machine vectors only when the species is a compile-time constant.
 * Instances are stateless apart from per-thread packing buffers and are safe to share.
 */
final class PanamaDenseKernels implements DenseKernels {

  private static final VectorSpecies<Double> S = PanamaKernels.SPECIES;
  private static final int L = S.length();
  private static final ByteOrder NO = ByteOrder.nativeOrder();
  private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

  private final GemmEngine gemm = new GemmEngine();

  /**
   * @param species must be {@link PanamaKernels#SPECIES} (the kernels are compiled against that
   *     constant; another width would silently run boxed and slow)
   */
  PanamaDenseKernels(VectorSpecies<Double> species) {
    if (species != S) {
      throw new IllegalArgumentException("PanamaDenseKernels runs on the preferred species " + S + ", not " + species);
    }
  }

  @Override
  public String name() {
    return "panama(" + S.vectorBitSize() + "-bit)";
  }

  private static DoubleVector load(MemorySegment s, long index) {
    return DoubleVector.fromMemorySegment(S, s, index * Double.BYTES, NO);
  }

  private static void store(DoubleVector v, MemorySegment s, long index) {
    v.intoMemorySegment(s, index * Double.BYTES, NO);
  }

  private static double get(MemorySegment s, long index) {
    return s.getAtIndex(D, index);
  }

  private static void set(MemorySegment s, long index, double v) {
    s.setAtIndex(D, index, v);
  }

  // ---- level 1 ----------------------------------------------------------------------------------

  /** Four independent vector accumulators (hides the FMA latency), one vector loop, scalar tail. */
  @Override
  public double dot(int n, MemorySegment x, long xOff, MemorySegment y, long yOff) {
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    int i = 0;
    for (int end = n - 4 * L; i <= end; i += 4 * L) {
      s0 = load(x, xOff + i).fma(load(y, yOff + i), s0);
      s1 = load(x, xOff + i + L).fma(load(y, yOff + i + L), s1);
      s2 = load(x, xOff + i + 2 * L).fma(load(y, yOff + i + 2 * L), s2);
      s3 = load(x, xOff + i + 3 * L).fma(load(y, yOff + i + 3 * L), s3);
    }
    for (int end = n - L; i <= end; i += L) {
      s0 = load(x, xOff + i).fma(load(y, yOff + i), s0);
    }
    double s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s = Math.fma(get(x, xOff + i), get(y, yOff + i), s);
    }
    return s;
  }

  /** y_i ← fma(a, x_i, y_i): the twin's single rounding per element. */
  @Override
  public void axpy(int n, double a, MemorySegment x, long xOff, MemorySegment y, long yOff) {
    DoubleVector av = DoubleVector.broadcast(S, a);
    int i = 0;
    for (int end = n - 2 * L; i <= end; i += 2 * L) {
      store(av.fma(load(x, xOff + i), load(y, yOff + i)), y, yOff + i);
      store(av.fma(load(x, xOff + i + L), load(y, yOff + i + L)), y, yOff + i + L);
    }
    for (int end = n - L; i <= end; i += L) {
      store(av.fma(load(x, xOff + i), load(y, yOff + i)), y, yOff + i);
    }
    for (; i < n; i++) {
      set(y, yOff + i, Math.fma(a, get(x, xOff + i), get(y, yOff + i)));
    }
  }

  @Override
  public void scal(int n, double a, MemorySegment x, long xOff) {
    int i = 0;
    for (int end = n - L; i <= end; i += L) {
      store(load(x, xOff + i).mul(a), x, xOff + i);
    }
    for (; i < n; i++) {
      set(x, xOff + i, a * get(x, xOff + i));
    }
  }

  /**
   * Two passes: m = max|x_i|, then ‖x‖ = 2^e·sqrt(Σ (x_i·2^-e)²) with 2^e the power of two nearest
   * below m. Scaling by a power of two is exact, the scaled entries are below 2 in magnitude so the
   * sum of squares cannot overflow, and squares that underflow are below u·m², negligible.
   * Returns NaN when an entry is NaN and +∞ when one is infinite.
   */
  @Override
  public double nrm2(int n, MemorySegment x, long xOff) {
    DoubleVector mv = DoubleVector.zero(S);
    int i = 0;
    for (int end = n - L; i <= end; i += L) {
      mv = mv.max(load(x, xOff + i).abs());
    }
    double m = mv.reduceLanes(VectorOperators.MAX);
    for (; i < n; i++) {
      m = Math.max(m, Math.abs(get(x, xOff + i)));
    }
    if (m == 0 || !Double.isFinite(m)) {
      return m;
    }
    int e = Math.getExponent(m);
    double down = Math.scalb(1.0, -e);
    DoubleVector dv = DoubleVector.broadcast(S, down);
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    i = 0;
    for (int end = n - 2 * L; i <= end; i += 2 * L) {
      DoubleVector v0 = load(x, xOff + i).mul(dv);
      DoubleVector v1 = load(x, xOff + i + L).mul(dv);
      s0 = v0.fma(v0, s0);
      s1 = v1.fma(v1, s1);
    }
    for (int end = n - L; i <= end; i += L) {
      DoubleVector v0 = load(x, xOff + i).mul(dv);
      s0 = v0.fma(v0, s0);
    }
    double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      double v = get(x, xOff + i) * down;
      s = Math.fma(v, v, s);
    }
    return Math.scalb(Math.sqrt(s), e);
  }

  // ---- level 2 ----------------------------------------------------------------------------------

  /** y ← β·y, overwriting with zeros when β = 0 (y is not read). */
  private static void scaleOrZero(int n, double beta, MemorySegment y, long yOff) {
    if (beta == 1) {
      return;
    }
    int i = 0;
    if (beta == 0) {
      DoubleVector z = DoubleVector.zero(S);
      for (int end = n - L; i <= end; i += L) {
        store(z, y, yOff + i);
      }
      for (; i < n; i++) {
        set(y, yOff + i, 0);
      }
    } else {
      for (int end = n - L; i <= end; i += L) {
        store(load(y, yOff + i).mul(beta), y, yOff + i);
      }
      for (; i < n; i++) {
        set(y, yOff + i, beta * get(y, yOff + i));
      }
    }
  }

  /** Column-oriented: y ← y + Σ_j (α x_j) A(:, j), four columns per pass over y. */
  @Override
  public void gemvN(int m, int n, double alpha, MemorySegment a, long aOff, int lda, MemorySegment x, long xOff,
                    double beta, MemorySegment y, long yOff) {
    scaleOrZero(m, beta, y, yOff);
    if (alpha == 0) {
      return;
    }
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      long c0 = aOff + (long) j * lda;
      gemvN4(m, a, c0, c0 + lda, c0 + 2L * lda, c0 + 3L * lda,
          alpha * get(x, xOff + j), alpha * get(x, xOff + j + 1),
          alpha * get(x, xOff + j + 2), alpha * get(x, xOff + j + 3), y, yOff);
    }
    for (; j < n; j++) {
      axpy(m, alpha * get(x, xOff + j), a, aOff + (long) j * lda, y, yOff);
    }
  }

  private static void gemvN4(int m, MemorySegment a, long c0, long c1, long c2, long c3,
                             double t0, double t1, double t2, double t3, MemorySegment y, long yOff) {
    DoubleVector v0 = DoubleVector.broadcast(S, t0);
    DoubleVector v1 = DoubleVector.broadcast(S, t1);
    DoubleVector v2 = DoubleVector.broadcast(S, t2);
    DoubleVector v3 = DoubleVector.broadcast(S, t3);
    int i = 0;
    for (int end = m - L; i <= end; i += L) {
      DoubleVector acc = load(y, yOff + i);
      acc = load(a, c0 + i).fma(v0, acc);
      acc = load(a, c1 + i).fma(v1, acc);
      acc = load(a, c2 + i).fma(v2, acc);
      acc = load(a, c3 + i).fma(v3, acc);
      store(acc, y, yOff + i);
    }
    for (; i < m; i++) {
      double acc = get(y, yOff + i);
      acc = Math.fma(get(a, c0 + i), t0, acc);
      acc = Math.fma(get(a, c1 + i), t1, acc);
      acc = Math.fma(get(a, c2 + i), t2, acc);
      acc = Math.fma(get(a, c3 + i), t3, acc);
      set(y, yOff + i, acc);
    }
  }

  /** Dot products of four columns with x at a time (x read once per four columns). */
  @Override
  public void gemvT(int m, int n, double alpha, MemorySegment a, long aOff, int lda, MemorySegment x, long xOff,
                    double beta, MemorySegment y, long yOff) {
    double[] s = new double[4];
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      long c0 = aOff + (long) j * lda;
      dot4(m, a, c0, c0 + lda, c0 + 2L * lda, c0 + 3L * lda, x, xOff, s);
      for (int q = 0; q < 4; q++) {
        double old = beta == 0 ? 0 : beta * get(y, yOff + j + q);
        set(y, yOff + j + q, Math.fma(alpha, s[q], old));
      }
    }
    for (; j < n; j++) {
      double d = dot(m, a, aOff + (long) j * lda, x, xOff);
      double old = beta == 0 ? 0 : beta * get(y, yOff + j);
      set(y, yOff + j, Math.fma(alpha, d, old));
    }
  }

  private static void dot4(int m, MemorySegment a, long c0, long c1, long c2, long c3,
                           MemorySegment x, long xOff, double[] out) {
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    int i = 0;
    for (int end = m - L; i <= end; i += L) {
      DoubleVector xv = load(x, xOff + i);
      s0 = load(a, c0 + i).fma(xv, s0);
      s1 = load(a, c1 + i).fma(xv, s1);
      s2 = load(a, c2 + i).fma(xv, s2);
      s3 = load(a, c3 + i).fma(xv, s3);
    }
    double r0 = s0.reduceLanes(VectorOperators.ADD);
    double r1 = s1.reduceLanes(VectorOperators.ADD);
    double r2 = s2.reduceLanes(VectorOperators.ADD);
    double r3 = s3.reduceLanes(VectorOperators.ADD);
    for (; i < m; i++) {
      double xi = get(x, xOff + i);
      r0 = Math.fma(get(a, c0 + i), xi, r0);
      r1 = Math.fma(get(a, c1 + i), xi, r1);
      r2 = Math.fma(get(a, c2 + i), xi, r2);
      r3 = Math.fma(get(a, c3 + i), xi, r3);
    }
    out[0] = r0;
    out[1] = r1;
    out[2] = r2;
    out[3] = r3;
  }

  /**
   * Fused lower symv (one pass over the lower triangle, as LAPACK's dsymv reference): column j of
   * the strict lower triangle adds (α x_j)·A(i, j) to y_i and A(i, j)·x_i to the dot that A(j, i)
   * contributes to y_j.
   */
  @Override
  public void symvLower(int n, double alpha, MemorySegment a, long aOff, int lda, MemorySegment x, long xOff,
                        double beta, MemorySegment y, long yOff) {
    scaleOrZero(n, beta, y, yOff);
    if (alpha == 0) {
      return;
    }
    for (int j = 0; j < n; j++) {
      long col = aOff + (long) j * lda;
      double t1 = alpha * get(x, xOff + j);
      double t2 = symvColumn(j + 1, n, a, col, t1, x, xOff, y, yOff);
      double yj = Math.fma(t1, get(a, col + j), get(y, yOff + j));
      set(y, yOff + j, Math.fma(alpha, t2, yj));
    }
  }

  /** For i in [from, n): y_i += t1·A(i); returns Σ A(i)·x_i. */
  private static double symvColumn(int from, int n, MemorySegment a, long col, double t1,
                                   MemorySegment x, long xOff, MemorySegment y, long yOff) {
    DoubleVector tv = DoubleVector.broadcast(S, t1);
    DoubleVector acc = DoubleVector.zero(S);
    int i = from;
    for (int end = n - L; i <= end; i += L) {
      DoubleVector av = load(a, col + i);
      store(av.fma(tv, load(y, yOff + i)), y, yOff + i);
      acc = av.fma(load(x, xOff + i), acc);
    }
    double t2 = acc.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      double aij = get(a, col + i);
      set(y, yOff + i, Math.fma(t1, aij, get(y, yOff + i)));
      t2 = Math.fma(aij, get(x, xOff + i), t2);
    }
    return t2;
  }

  /** A(i, j) ← fma(y_i, α x_j, fma(x_i, α y_j, A(i, j))) for i ≥ j: bit-identical to the twin. */
  @Override
  public void syr2Lower(int n, double alpha, MemorySegment x, long xOff, MemorySegment y, long yOff,
                        MemorySegment a, long aOff, int lda) {
    for (int j = 0; j < n; j++) {
      double t1 = alpha * get(y, yOff + j);
      double t2 = alpha * get(x, xOff + j);
      long col = aOff + (long) j * lda;
      DoubleVector v1 = DoubleVector.broadcast(S, t1);
      DoubleVector v2 = DoubleVector.broadcast(S, t2);
      int i = j;
      for (int end = n - L; i <= end; i += L) {
        DoubleVector v = load(x, xOff + i).fma(v1, load(a, col + i));
        store(load(y, yOff + i).fma(v2, v), a, col + i);
      }
      for (; i < n; i++) {
        double v = Math.fma(get(x, xOff + i), t1, get(a, col + i));
        set(a, col + i, Math.fma(get(y, yOff + i), t2, v));
      }
    }
  }

  // ---- level 3 ----------------------------------------------------------------------------------

  /** C ← β·C on the lower triangle (i ≥ j) of the n×n matrix C; zeros without reading when β = 0. */
  private static void scaleLower(int n, double beta, MemorySegment c, long cOff, int ldc) {
    for (int j = 0; j < n; j++) {
      scaleOrZero(n - j, beta, c, cOff + (long) j * ldc + j);
    }
  }

  @Override
  public void syr2kLower(int n, int k, double alpha, MemorySegment a, long aOff, int lda, MemorySegment b, long bOff,
                         int ldb, double beta, MemorySegment c, long cOff, int ldc) {
    scaleLower(n, beta, c, cOff, ldc);
    if (alpha == 0 || k == 0 || n == 0) {
      return;
    }
    // A Bᵀ + B Aᵀ = [A B]·[B A]ᵀ: one product of depth 2k, packed without copying.
    gemm.run(n, n, k, alpha,
        new GemmEngine.Operand(a, aOff, lda, false), new GemmEngine.Operand(b, bOff, ldb, false),
        new GemmEngine.Operand(b, bOff, ldb, true), new GemmEngine.Operand(a, aOff, lda, true),
        c, cOff, ldc, true);
  }

  @Override
  public void syrkLower(int n, int k, double alpha, MemorySegment a, long aOff, int lda, double beta,
                        MemorySegment c, long cOff, int ldc) {
    scaleLower(n, beta, c, cOff, ldc);
    if (alpha == 0 || k == 0 || n == 0) {
      return;
    }
    gemm.run(n, n, k, alpha, new GemmEngine.Operand(a, aOff, lda, true), null,
        new GemmEngine.Operand(a, aOff, lda, false), null, c, cOff, ldc, true);
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, MemorySegment a, long aOff,
                   int lda, MemorySegment b, long bOff, int ldb, double beta, MemorySegment c, long cOff, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    for (int j = 0; j < n; j++) {
      scaleOrZero(m, beta, c, cOff + (long) j * ldc);
    }
    if (alpha == 0 || k == 0) {
      return;
    }
    if ((long) m * n * k <= org.dmftbench.Tuning.GEMM_DIRECT_FLOPS) {
      GemmEngine.direct(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
      return;
    }
    gemm.run(m, n, k, alpha, new GemmEngine.Operand(a, aOff, lda, transA), null,
        new GemmEngine.Operand(b, bOff, ldb, transB), null, c, cOff, ldc, false);
  }
}
