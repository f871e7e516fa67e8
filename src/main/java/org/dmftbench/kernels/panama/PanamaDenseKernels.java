package org.dmftbench.kernels.panama;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.PackedLower;
import org.dmftbench.kernels.ScalarDenseKernels;

/**
 * Vector API dense kernels ({@link DoubleVector}, fused multiply-add) over off-heap segments.
 *
 * <p>Level 1 and 2 kernels stream the segments directly: they are bound by memory bandwidth or by
 * one pass over their operands. Level 3 kernels (gemm, syrk, syr2k) follow Goto &amp; van de Geijn,
 * "Anatomy of high-performance matrix multiplication" (ACM TOMS 34(3), 2008) and the BLIS loop
 * order: op(B) is packed in KC×NC panels and op(A) in MC×KC blocks into contiguous heap arrays
 * (the same micro-kernel reading 64-byte aligned native segments instead ran at half the speed
 * here, n = 1024: 557-571 ms against 255-276 ms of thread CPU time), and a
 * register-blocked MR×NR micro-kernel, MR = 2 vectors and NR = 4, runs the multiply-adds.
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
  private static final int W = PackedLower.WIDTH;
  private static final int TILE = PackedLower.TILE;
  /** One tile column of {@link PackedLower} is four doubles: a 256-bit vector. */
  private static final VectorSpecies<Double> S4 = DoubleVector.SPECIES_256;
  /** Tiles run in vectors when the machine has 256-bit vectors (or wider); otherwise the twin runs. */
  private static final boolean TILE_VECTORS = L >= W;
  private static final ScalarDenseKernels TWIN = new ScalarDenseKernels();

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

  private static DoubleVector load4(MemorySegment s, long index) {
    return DoubleVector.fromMemorySegment(S4, s, index * Double.BYTES, NO);
  }

  private static void store4(DoubleVector v, MemorySegment s, long index) {
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
    double s = PanamaKernels.sum(s0.add(s1).add(s2.add(s3)));
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
    double s = PanamaKernels.sum(s0.add(s1));
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
    double r0 = PanamaKernels.sum(s0);
    double r1 = PanamaKernels.sum(s1);
    double r2 = PanamaKernels.sum(s2);
    double r3 = PanamaKernels.sum(s3);
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
   * Fused lower symv, one pass over the lower triangle, four columns at a time (the blocking of
   * OpenBLAS's dsymv kernels): for a block of columns j..j+3, each vector of rows i ≥ j+4 is loaded
   * once with y_i and x_i, receives the four column updates (α x_{j+q})·A(i, j+q) and feeds four
   * dot products Σ_i A(i, j+q)·x_i, which the symmetric entries A(j+q, i) contribute to y_{j+q}.
   * One load and store of y per four columns instead of per column: the kernel streams A at the
   * rate of {@link #gemvN}. The 4×4 diagonal triangle of each block and the last n mod 4 columns
   * run in scalar code.
   */
  @Override
  public void symvLower(int n, double alpha, MemorySegment a, long aOff, int lda, MemorySegment x, long xOff,
                        double beta, MemorySegment y, long yOff) {
    scaleOrZero(n, beta, y, yOff);
    if (alpha == 0) {
      return;
    }
    double[] dots = new double[4];
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      long c0 = aOff + (long) j * lda;
      long c1 = c0 + lda;
      long c2 = c1 + lda;
      long c3 = c2 + lda;
      double t0 = alpha * get(x, xOff + j);
      double t1 = alpha * get(x, xOff + j + 1);
      double t2 = alpha * get(x, xOff + j + 2);
      double t3 = alpha * get(x, xOff + j + 3);
      symvColumns4(j + 4, n, a, c0, c1, c2, c3, t0, t1, t2, t3, x, xOff, y, yOff, dots);
      // the diagonal 4×4 triangle: A(j+r, j+c) for r ≥ c
      double x0 = get(x, xOff + j);
      double x1 = get(x, xOff + j + 1);
      double x2 = get(x, xOff + j + 2);
      double x3 = get(x, xOff + j + 3);
      double a00 = get(a, c0 + j);
      double a10 = get(a, c0 + j + 1);
      double a20 = get(a, c0 + j + 2);
      double a30 = get(a, c0 + j + 3);
      double a11 = get(a, c1 + j + 1);
      double a21 = get(a, c1 + j + 2);
      double a31 = get(a, c1 + j + 3);
      double a22 = get(a, c2 + j + 2);
      double a32 = get(a, c2 + j + 3);
      double a33 = get(a, c3 + j + 3);
      double s0 = dots[0] + a10 * x1 + a20 * x2 + a30 * x3;
      double s1 = dots[1] + a21 * x2 + a31 * x3;
      double s2 = dots[2] + a32 * x3;
      double s3 = dots[3];
      double y0 = get(y, yOff + j) + t0 * a00;
      double y1 = get(y, yOff + j + 1) + t0 * a10 + t1 * a11;
      double y2 = get(y, yOff + j + 2) + t0 * a20 + t1 * a21 + t2 * a22;
      double y3 = get(y, yOff + j + 3) + t0 * a30 + t1 * a31 + t2 * a32 + t3 * a33;
      set(y, yOff + j, Math.fma(alpha, s0, y0));
      set(y, yOff + j + 1, Math.fma(alpha, s1, y1));
      set(y, yOff + j + 2, Math.fma(alpha, s2, y2));
      set(y, yOff + j + 3, Math.fma(alpha, s3, y3));
    }
    for (; j < n; j++) {
      long col = aOff + (long) j * lda;
      double t1 = alpha * get(x, xOff + j);
      double t2 = symvColumn(j + 1, n, a, col, t1, x, xOff, y, yOff);
      double yj = Math.fma(t1, get(a, col + j), get(y, yOff + j));
      set(y, yOff + j, Math.fma(alpha, t2, yj));
    }
  }

  /**
   * For i in [from, n): y_i += t0·A(i, c0) + t1·A(i, c1) + t2·A(i, c2) + t3·A(i, c3); returns in
   * {@code dots} the four sums Σ_i A(i, cq)·x_i.
   */
  private static void symvColumns4(int from, int n, MemorySegment a, long c0, long c1, long c2, long c3,
                                   double t0, double t1, double t2, double t3,
                                   MemorySegment x, long xOff, MemorySegment y, long yOff, double[] dots) {
    DoubleVector v0 = DoubleVector.broadcast(S, t0);
    DoubleVector v1 = DoubleVector.broadcast(S, t1);
    DoubleVector v2 = DoubleVector.broadcast(S, t2);
    DoubleVector v3 = DoubleVector.broadcast(S, t3);
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    int i = from;
    for (int end = n - L; i <= end; i += L) {
      DoubleVector xv = load(x, xOff + i);
      DoubleVector yv = load(y, yOff + i);
      DoubleVector av = load(a, c0 + i);
      yv = av.fma(v0, yv);
      s0 = av.fma(xv, s0);
      av = load(a, c1 + i);
      yv = av.fma(v1, yv);
      s1 = av.fma(xv, s1);
      av = load(a, c2 + i);
      yv = av.fma(v2, yv);
      s2 = av.fma(xv, s2);
      av = load(a, c3 + i);
      yv = av.fma(v3, yv);
      s3 = av.fma(xv, s3);
      store(yv, y, yOff + i);
    }
    double r0 = PanamaKernels.sum(s0);
    double r1 = PanamaKernels.sum(s1);
    double r2 = PanamaKernels.sum(s2);
    double r3 = PanamaKernels.sum(s3);
    for (; i < n; i++) {
      double xi = get(x, xOff + i);
      double a0 = get(a, c0 + i);
      double a1 = get(a, c1 + i);
      double a2 = get(a, c2 + i);
      double a3 = get(a, c3 + i);
      double acc = get(y, yOff + i);
      acc = Math.fma(a0, t0, acc);
      acc = Math.fma(a1, t1, acc);
      acc = Math.fma(a2, t2, acc);
      acc = Math.fma(a3, t3, acc);
      set(y, yOff + i, acc);
      r0 = Math.fma(a0, xi, r0);
      r1 = Math.fma(a1, xi, r1);
      r2 = Math.fma(a2, xi, r2);
      r3 = Math.fma(a3, xi, r3);
    }
    dots[0] = r0;
    dots[1] = r1;
    dots[2] = r2;
    dots[3] = r3;
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
    double t2 = PanamaKernels.sum(acc);
    for (; i < n; i++) {
      double aij = get(a, col + i);
      set(y, yOff + i, Math.fma(t1, aij, get(y, yOff + i)));
      t2 = Math.fma(aij, get(x, xOff + i), t2);
    }
    return t2;
  }

  /**
   * Full tiles are copied with one vector load and store per column; the diagonal tiles, a last
   * partial row of tiles and the last block when n is not a multiple of four, element by element
   * in a method of their own (keeps the vector loop free of rarely taken branches, which C2
   * otherwise predicates on and then recompiles, again and again).
   */
  @Override
  public void packLower(int n, MemorySegment a, long aOff, int lda, MemorySegment packed, long pOff) {
    if (!TILE_VECTORS) {
      TWIN.packLower(n, a, aOff, lda, packed, pOff);
      return;
    }
    int nt = PackedLower.blocks(n);
    int fullBlocks = n / W;
    for (int b = 0; b < fullBlocks; b++) {
      int j = W * b;
      long o = pOff + PackedLower.blockOffset(n, b);
      long c0 = aOff + (long) j * lda;
      long c1 = c0 + lda;
      long c2 = c1 + lda;
      long c3 = c2 + lda;
      int rows = (n - j - W) / W * W;
      long t = o + TILE;
      for (int r = j + W, end = j + W + rows; r < end; r += W, t += TILE) {
        store4(load4(a, c0 + r), packed, t);
        store4(load4(a, c1 + r), packed, t + W);
        store4(load4(a, c2 + r), packed, t + 2 * W);
        store4(load4(a, c3 + r), packed, t + 3 * W);
      }
      packEdgeTile(n, j, j, a, aOff, lda, packed, o);
      if (j + W + rows < n) {
        packEdgeTile(n, j + W + rows, j, a, aOff, lda, packed, t);
      }
    }
    if (fullBlocks < nt) {
      int j = W * fullBlocks;
      packEdgeTile(n, j, j, a, aOff, lda, packed, pOff + PackedLower.blockOffset(n, fullBlocks));
    }
  }

  /** The tile of rows r0..r0+3 and columns j..j+3 at {@code t}: entries of the lower triangle inside the matrix, zeros elsewhere. */
  private static void packEdgeTile(int n, int r0, int j, MemorySegment a, long aOff, int lda, MemorySegment packed,
                                   long t) {
    for (int q = 0; q < W; q++) {
      for (int r = 0; r < W; r++) {
        int i = r0 + r;
        set(packed, t + W * q + r, i < n && j + q < n && i >= j + q ? get(a, aOff + i + (long) (j + q) * lda) : 0.0);
      }
    }
  }

  /**
   * The loop of {@link #symvLower} over the packed tiles: per block of four columns, one pass down
   * the block's contiguous tiles (each tile four vector loads updating one vector of y and the
   * block's four dot products), then the diagonal tile in straight-line scalar code. The last block
   * when n is not a multiple of four, and a last partial tile, run in separate scalar methods: C2
   * compiles loops with the common bounds better when the rare ones live elsewhere.
   */
  @Override
  public void symvLowerPacked(int n, int from, double alpha, MemorySegment packed, long pOff,
                              MemorySegment x, long xOff, double beta, MemorySegment y, long yOff) {
    if (!TILE_VECTORS) {
      TWIN.symvLowerPacked(n, from, alpha, packed, pOff, x, xOff, beta, y, yOff);
      return;
    }
    int m = n - from;
    scaleOrZero(m, beta, y, yOff);
    if (alpha == 0 || m <= 0) {
      return;
    }
    double[] dots = new double[W];
    int fullBlocks = n / W;
    for (int b = from / W; b < fullBlocks; b++) {
      int jl = W * b - from;
      double t0 = alpha * get(x, xOff + jl);
      double t1 = alpha * get(x, xOff + jl + 1);
      double t2 = alpha * get(x, xOff + jl + 2);
      double t3 = alpha * get(x, xOff + jl + 3);
      long o = pOff + PackedLower.blockOffset(n, b);
      int rows = (m - jl - W) / W * W;
      packedTiles(jl + W, rows, packed, o + TILE, t0, t1, t2, t3, x, xOff, y, yOff, dots);
      if (jl + W + rows < m) {
        partialTile(jl + W + rows, m, packed, o + TILE + (long) rows * W, t0, t1, t2, t3, x, xOff, y, yOff, dots);
      }
      diagonalTile(alpha, packed, o, t0, t1, t2, t3, x, xOff + jl, y, yOff + jl, dots);
    }
    if (fullBlocks * W < n) {
      lastBlock(n, from, alpha, packed, pOff + PackedLower.blockOffset(n, fullBlocks), x, xOff, y, yOff);
    }
  }

  /**
   * {@code rows} (a multiple of 4) rows from local row {@code from} of one packed block, tiles from
   * {@code o}: y_i += Σ_q t_q·A(i, q); dots_q = Σ_i A(i, q)·x_i.
   */
  private static void packedTiles(int from, int rows, MemorySegment p, long o, double t0, double t1, double t2,
                                  double t3, MemorySegment x, long xOff, MemorySegment y, long yOff, double[] dots) {
    DoubleVector v0 = DoubleVector.broadcast(S4, t0);
    DoubleVector v1 = DoubleVector.broadcast(S4, t1);
    DoubleVector v2 = DoubleVector.broadcast(S4, t2);
    DoubleVector v3 = DoubleVector.broadcast(S4, t3);
    DoubleVector s0 = DoubleVector.zero(S4);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    long xi = xOff + from;
    long yi = yOff + from;
    for (int r = 0; r < rows; r += W) {
      long po = o + (long) r * W;
      DoubleVector xv = load4(x, xi + r);
      DoubleVector yv = load4(y, yi + r);
      DoubleVector av = load4(p, po);
      yv = av.fma(v0, yv);
      s0 = av.fma(xv, s0);
      av = load4(p, po + W);
      yv = av.fma(v1, yv);
      s1 = av.fma(xv, s1);
      av = load4(p, po + 2 * W);
      yv = av.fma(v2, yv);
      s2 = av.fma(xv, s2);
      av = load4(p, po + 3 * W);
      yv = av.fma(v3, yv);
      s3 = av.fma(xv, s3);
      store4(yv, y, yi + r);
    }
    dots[0] = PanamaKernels.sum(s0);
    dots[1] = PanamaKernels.sum(s1);
    dots[2] = PanamaKernels.sum(s2);
    dots[3] = PanamaKernels.sum(s3);
  }

  /** Local rows [from, m), fewer than four, of the tile at {@code o}; adds to {@code dots}. */
  private static void partialTile(int from, int m, MemorySegment p, long o, double t0, double t1, double t2,
                                  double t3, MemorySegment x, long xOff, MemorySegment y, long yOff, double[] dots) {
    for (int r = 0; from + r < m; r++) {
      int i = from + r;
      double xi = get(x, xOff + i);
      double a0 = get(p, o + r);
      double a1 = get(p, o + W + r);
      double a2 = get(p, o + 2 * W + r);
      double a3 = get(p, o + 3 * W + r);
      double acc = get(y, yOff + i);
      acc = Math.fma(a0, t0, acc);
      acc = Math.fma(a1, t1, acc);
      acc = Math.fma(a2, t2, acc);
      acc = Math.fma(a3, t3, acc);
      set(y, yOff + i, acc);
      dots[0] = Math.fma(a0, xi, dots[0]);
      dots[1] = Math.fma(a1, xi, dots[1]);
      dots[2] = Math.fma(a2, xi, dots[2]);
      dots[3] = Math.fma(a3, xi, dots[3]);
    }
  }

  /**
   * The diagonal tile at {@code o} of a full block whose rows start at x(xOff), y(yOff): its lower
   * triangle's products, then y_q += α·dots_q.
   */
  private static void diagonalTile(double alpha, MemorySegment p, long o, double t0, double t1, double t2,
                                   double t3, MemorySegment x, long xOff, MemorySegment y, long yOff, double[] dots) {
    double x1 = get(x, xOff + 1);
    double x2 = get(x, xOff + 2);
    double x3 = get(x, xOff + 3);
    double a00 = get(p, o);
    double a10 = get(p, o + 1);
    double a20 = get(p, o + 2);
    double a30 = get(p, o + 3);
    double a11 = get(p, o + W + 1);
    double a21 = get(p, o + W + 2);
    double a31 = get(p, o + W + 3);
    double a22 = get(p, o + 2 * W + 2);
    double a32 = get(p, o + 2 * W + 3);
    double a33 = get(p, o + 3 * W + 3);
    double d0 = Math.fma(a30, x3, Math.fma(a20, x2, Math.fma(a10, x1, dots[0])));
    double d1 = Math.fma(a31, x3, Math.fma(a21, x2, dots[1]));
    double d2 = Math.fma(a32, x3, dots[2]);
    double d3 = dots[3];
    double y0 = Math.fma(t0, a00, get(y, yOff));
    double y1 = Math.fma(t1, a11, Math.fma(t0, a10, get(y, yOff + 1)));
    double y2 = Math.fma(t2, a22, Math.fma(t1, a21, Math.fma(t0, a20, get(y, yOff + 2))));
    double y3 = Math.fma(t3, a33, Math.fma(t2, a32, Math.fma(t1, a31, Math.fma(t0, a30, get(y, yOff + 3)))));
    set(y, yOff, Math.fma(alpha, d0, y0));
    set(y, yOff + 1, Math.fma(alpha, d1, y1));
    set(y, yOff + 2, Math.fma(alpha, d2, y2));
    set(y, yOff + 3, Math.fma(alpha, d3, y3));
  }

  /** The last block, of n mod 4 columns and only its diagonal tile, in plain loops. */
  private static void lastBlock(int n, int from, double alpha, MemorySegment p, long o, MemorySegment x, long xOff,
                                MemorySegment y, long yOff) {
    int j = n / W * W;
    int jl = j - from;
    int cols = n - j;
    for (int c = 0; c < cols; c++) {
      double tc = alpha * get(x, xOff + jl + c);
      double dc = 0;
      for (int r = c; r < cols; r++) {
        double arc = get(p, o + W * c + r);
        set(y, yOff + jl + r, Math.fma(tc, arc, get(y, yOff + jl + r)));
        if (r > c) {
          dc = Math.fma(arc, get(x, xOff + jl + r), dc);
        }
      }
      set(y, yOff + jl + c, Math.fma(alpha, dc, get(y, yOff + jl + c)));
    }
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
    if (transA && !transB && n <= org.dmftbench.Tuning.GEMM_NARROW_COLS) {
      gemmTransposedNarrow(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
      return;
    }
    if ((long) m * n * k <= org.dmftbench.Tuning.GEMM_DIRECT_FLOPS) {
      GemmEngine.direct(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
      return;
    }
    gemm.run(m, n, k, alpha, new GemmEngine.Operand(a, aOff, lda, transA), null,
        new GemmEngine.Operand(b, bOff, ldb, transB), null, c, cOff, ldc, false);
  }

  /**
   * C ← C + α·AᵀB for at most four columns of B: every entry of C is the dot product of a column of
   * A (contiguous) with a column of B, so two columns of A are read once each against all columns of
   * B, eight accumulators in flight. The packed path would first copy Aᵀ into row panels, a strided
   * scalar copy that costs as much as this whole product when B is this narrow (the divide-and-conquer
   * tree's Zᵀ·[a few columns], Qᵀ·[a few columns]). Missing columns of B repeat the last one and their
   * sums are dropped.
   */
  private static void gemmTransposedNarrow(int m, int n, int k, double alpha, MemorySegment a, long aOff, int lda,
                                           MemorySegment b, long bOff, int ldb, MemorySegment c, long cOff,
                                           int ldc) {
    long b0 = bOff;
    long b1 = bOff + (long) Math.min(1, n - 1) * ldb;
    long b2 = bOff + (long) Math.min(2, n - 1) * ldb;
    long b3 = bOff + (long) Math.min(3, n - 1) * ldb;
    double[] s = new double[8];
    for (int i = 0; i < m; i += 2) {
      long a0 = aOff + (long) i * lda;
      long a1 = i + 1 < m ? a0 + lda : a0;
      dots2x4(k, a, a0, a1, b, b0, b1, b2, b3, s);
      for (int col = 0; col < n; col++) {
        long cj = cOff + (long) col * ldc + i;
        set(c, cj, Math.fma(alpha, s[col], get(c, cj)));
        if (i + 1 < m) {
          set(c, cj + 1, Math.fma(alpha, s[4 + col], get(c, cj + 1)));
        }
      }
    }
  }

  /** out[q] = a0·b_q, out[4 + q] = a1·b_q (q = 0..3), each of length k. */
  private static void dots2x4(int k, MemorySegment a, long a0, long a1, MemorySegment b, long b0, long b1, long b2,
                              long b3, double[] out) {
    DoubleVector s00 = DoubleVector.zero(S);
    DoubleVector s01 = s00;
    DoubleVector s02 = s00;
    DoubleVector s03 = s00;
    DoubleVector s10 = s00;
    DoubleVector s11 = s00;
    DoubleVector s12 = s00;
    DoubleVector s13 = s00;
    int p = 0;
    for (int end = k - L; p <= end; p += L) {
      DoubleVector x0 = load(a, a0 + p);
      DoubleVector x1 = load(a, a1 + p);
      DoubleVector y = load(b, b0 + p);
      s00 = x0.fma(y, s00);
      s10 = x1.fma(y, s10);
      y = load(b, b1 + p);
      s01 = x0.fma(y, s01);
      s11 = x1.fma(y, s11);
      y = load(b, b2 + p);
      s02 = x0.fma(y, s02);
      s12 = x1.fma(y, s12);
      y = load(b, b3 + p);
      s03 = x0.fma(y, s03);
      s13 = x1.fma(y, s13);
    }
    double r00 = PanamaKernels.sum(s00);
    double r01 = PanamaKernels.sum(s01);
    double r02 = PanamaKernels.sum(s02);
    double r03 = PanamaKernels.sum(s03);
    double r10 = PanamaKernels.sum(s10);
    double r11 = PanamaKernels.sum(s11);
    double r12 = PanamaKernels.sum(s12);
    double r13 = PanamaKernels.sum(s13);
    for (; p < k; p++) {
      double x0 = get(a, a0 + p);
      double x1 = get(a, a1 + p);
      double y0 = get(b, b0 + p);
      double y1 = get(b, b1 + p);
      double y2 = get(b, b2 + p);
      double y3 = get(b, b3 + p);
      r00 = Math.fma(x0, y0, r00);
      r01 = Math.fma(x0, y1, r01);
      r02 = Math.fma(x0, y2, r02);
      r03 = Math.fma(x0, y3, r03);
      r10 = Math.fma(x1, y0, r10);
      r11 = Math.fma(x1, y1, r11);
      r12 = Math.fma(x1, y2, r12);
      r13 = Math.fma(x1, y3, r13);
    }
    out[0] = r00;
    out[1] = r01;
    out[2] = r02;
    out[3] = r03;
    out[4] = r10;
    out[5] = r11;
    out[6] = r12;
    out[7] = r13;
  }

  // ---- secular equation ---------------------------------------------------------------------------

  /** Two vectors in flight per sum: the loop is bound by the division's throughput, not its latency. */
  @Override
  public void secularSums(int from, int to, double[] z, double[] diff, double t, double[] out) {
    DoubleVector tv = DoubleVector.broadcast(S, t);
    DoubleVector f0 = DoubleVector.zero(S);
    DoubleVector f1 = f0;
    DoubleVector d0 = f0;
    DoubleVector d1 = f0;
    int i = from;
    for (int end = to - 2 * L; i <= end; i += 2 * L) {
      DoubleVector z0 = DoubleVector.fromArray(S, z, i);
      DoubleVector z1 = DoubleVector.fromArray(S, z, i + L);
      DoubleVector q0 = z0.div(DoubleVector.fromArray(S, diff, i).sub(tv));
      DoubleVector q1 = z1.div(DoubleVector.fromArray(S, diff, i + L).sub(tv));
      f0 = z0.fma(q0, f0);
      f1 = z1.fma(q1, f1);
      d0 = q0.fma(q0, d0);
      d1 = q1.fma(q1, d1);
    }
    for (int end = to - L; i <= end; i += L) {
      DoubleVector z0 = DoubleVector.fromArray(S, z, i);
      DoubleVector q0 = z0.div(DoubleVector.fromArray(S, diff, i).sub(tv));
      f0 = z0.fma(q0, f0);
      d0 = q0.fma(q0, d0);
    }
    double f = PanamaKernels.sum(f0.add(f1));
    double df = PanamaKernels.sum(d0.add(d1));
    for (; i < to; i++) {
      double q = z[i] / (diff[i] - t);
      f = Math.fma(z[i], q, f);
      df = Math.fma(q, q, df);
    }
    out[0] = f;
    out[1] = df;
  }

  /** Two vectors in flight, as {@link #secularSums}. */
  @Override
  public double secularQuotients(int from, int to, double[] z, double[] diff, double t, double[] q) {
    DoubleVector tv = DoubleVector.broadcast(S, t);
    DoubleVector s0 = DoubleVector.zero(S);
    DoubleVector s1 = s0;
    int i = from;
    for (int end = to - 2 * L; i <= end; i += 2 * L) {
      DoubleVector q0 = DoubleVector.fromArray(S, z, i).div(DoubleVector.fromArray(S, diff, i).sub(tv));
      DoubleVector q1 = DoubleVector.fromArray(S, z, i + L).div(DoubleVector.fromArray(S, diff, i + L).sub(tv));
      q0.intoArray(q, i);
      q1.intoArray(q, i + L);
      s0 = q0.fma(q0, s0);
      s1 = q1.fma(q1, s1);
    }
    for (int end = to - L; i <= end; i += L) {
      DoubleVector q0 = DoubleVector.fromArray(S, z, i).div(DoubleVector.fromArray(S, diff, i).sub(tv));
      q0.intoArray(q, i);
      s0 = q0.fma(q0, s0);
    }
    double sum = PanamaKernels.sum(s0.add(s1));
    for (; i < to; i++) {
      double qi = z[i] / (diff[i] - t);
      q[i] = qi;
      sum = Math.fma(qi, qi, sum);
    }
    return sum;
  }
}
