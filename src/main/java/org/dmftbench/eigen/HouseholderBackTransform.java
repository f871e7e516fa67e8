package org.dmftbench.eigen;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.dmftbench.Tuning;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.linalg.DMatrix;

/**
 * Applies the orthogonal factor Q = H(0) ⋯ H(n−2) of {@link HouseholderTridiagonalizer} to a matrix
 * C, as Q C (back-transformation of tridiagonal eigenvectors, V = Q Z) or Qᵀ C (projections Qᵀ B),
 * in blocks of nb reflectors written in compact WY form H(j0) ⋯ H(j0+nb−1) = I − Y T Yᵀ with T upper
 * triangular (LAPACK {@code dormtr}/{@code dormqr} with {@code dlarft} and {@code dlarfb}; Schreiber
 * &amp; Van Loan, "A storage-efficient WY representation for products of Householder
 * transformations", SIAM J. Sci. Stat. Comput. 10, 1989; Golub &amp; Van Loan §5.1.7). Each block
 * costs three gemm calls: W = Yᵀ C, W ← op(T) W, C ← C − Y W.
 */
public final class HouseholderBackTransform {

  /** Fewest columns of C per thread worth a thread of its own. */
  private static final int MIN_COLUMNS_PER_THREAD = 32;

  private final DenseKernels k;
  private final int nb;
  private final int threads;

  /** A back-transformation with the block size of {@link Tuning#EIGEN_BACKTRANSFORM_BLOCK}. */
  public HouseholderBackTransform(DenseKernels kernels) {
    this(kernels, Tuning.EIGEN_BACKTRANSFORM_BLOCK);
  }

  /** A back-transformation with an explicit block size (tests use small blocks). */
  public HouseholderBackTransform(DenseKernels kernels, int blockSize) {
    this(kernels, blockSize, 1);
  }

  /**
   * A back-transformation that splits the columns of C over {@code threads} threads (each applies
   * every block reflector to its own columns, so the threads share nothing they write). The split
   * happens only when Q's storage and C are in shared arenas; otherwise one thread runs.
   */
  public HouseholderBackTransform(DenseKernels kernels, int blockSize, int threads) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.k = kernels;
    this.nb = blockSize;
    this.threads = threads;
  }

  /**
   * C ← Q C ({@code transpose == false}) or C ← Qᵀ C, with the reflectors stored in {@code reduced}
   * and {@code tau} as {@link HouseholderTridiagonalizer#reduce} left them; C is n×m.
   */
  public void apply(DMatrix reduced, double[] tau, DMatrix c, boolean transpose, Arena arena) {
    int n = reduced.rows();
    if (c.rows() != n) {
      throw new IllegalArgumentException("Q is " + n + "x" + n + " but C has " + c.rows() + " rows");
    }
    int parts = Math.min(threads, c.cols() / MIN_COLUMNS_PER_THREAD);
    if (parts > 1 && Parallel.shareable(reduced.segment(), c.segment())) {
      Runnable[] tasks = new Runnable[parts];
      int m = c.cols();
      for (int p = 0; p < parts; p++) {
        int c0 = (int) ((long) m * p / parts);
        int c1 = (int) ((long) m * (p + 1) / parts);
        DMatrix part = c.view(0, c0, n, c1 - c0);
        tasks[p] = () -> {
          try (Arena scratch = Arena.ofConfined()) {
            applySerial(reduced, tau, part, transpose, scratch);
          }
        };
      }
      Parallel.run(tasks);
      return;
    }
    applySerial(reduced, tau, c, transpose, arena);
  }

  private void applySerial(DMatrix reduced, double[] tau, DMatrix c, boolean transpose, Arena arena) {
    int n = reduced.rows();
    int r = n - 1;
    int m = c.cols();
    if (r <= 0 || m == 0) {
      return;
    }
    int bs = Math.min(nb, r);
    DMatrix y = DMatrix.allocate(arena, n, bs);
    DMatrix t = DMatrix.allocate(arena, bs, bs);
    DMatrix w = DMatrix.allocate(arena, bs, m);
    DMatrix w2 = DMatrix.allocate(arena, bs, m);
    int blocks = (r + bs - 1) / bs;
    for (int q = 0; q < blocks; q++) {
      int b = transpose ? q : blocks - 1 - q;
      int j0 = b * bs;
      int kb = Math.min(bs, r - j0);
      int rows = n - 1 - j0;
      formBlock(reduced, tau, j0, kb, rows, y, t);
      applyBlock(y, t, j0, kb, rows, c, transpose, w, w2);
    }
  }

  /** C[j0+1:, :] ← (I − Y op(T) Yᵀ) C[j0+1:, :]: W = Yᵀ C; W2 = op(T) W; C −= Y W2. */
  private void applyBlock(DMatrix y, DMatrix t, int j0, int kb, int rows, DMatrix c, boolean transpose, DMatrix w,
                          DMatrix w2) {
    int m = c.cols();
    DMatrix cs = c.view(j0 + 1, 0, rows, m);
    k.gemm(true, false, kb, m, rows, 1.0, y.segment(), y.offset(), y.ld(), cs.segment(), cs.offset(), cs.ld(),
        0.0, w.segment(), w.offset(), w.ld());
    k.gemm(transpose, false, kb, m, kb, 1.0, t.segment(), t.offset(), t.ld(), w.segment(), w.offset(), w.ld(),
        0.0, w2.segment(), w2.offset(), w2.ld());
    k.gemm(false, false, rows, m, kb, -1.0, y.segment(), y.offset(), y.ld(), w2.segment(), w2.offset(), w2.ld(),
        1.0, cs.segment(), cs.offset(), cs.ld());
  }

  /**
   * Q's blocks in compact WY form, formed once ({@link #prepare}) for several applications: a caller
   * that applies Q to a few columns at a time would otherwise form each block's T (about n² nb flops in
   * all, as much as applying Q to nb columns) at every call.
   */
  public final class Prepared {
    private final int n;
    private final DMatrix[] ys;
    private final DMatrix[] ts;

    private Prepared(int n, DMatrix[] ys, DMatrix[] ts) {
      this.n = n;
      this.ys = ys;
      this.ts = ts;
    }

    /** C ← Q C ({@code transpose == false}) or C ← Qᵀ C for an n×m matrix C; scratch from {@code arena}. */
    public void apply(DMatrix c, boolean transpose, Arena arena) {
      if (c.rows() != n) {
        throw new IllegalArgumentException("Q is " + n + "x" + n + " but C has " + c.rows() + " rows");
      }
      int m = c.cols();
      int blocks = ys.length;
      if (blocks == 0 || m == 0) {
        return;
      }
      int bs = ts[0].rows();
      DMatrix w = DMatrix.allocate(arena, bs, m);
      DMatrix w2 = DMatrix.allocate(arena, bs, m);
      for (int q = 0; q < blocks; q++) {
        int b = transpose ? q : blocks - 1 - q;
        int j0 = b * bs;
        int kb = ts[b].cols();
        applyBlock(ys[b], ts[b], j0, kb, n - 1 - j0, c, transpose, w, w2);
      }
    }
  }

  /** Forms every block of Q (about n²/2 + n·nb doubles in {@code arena}) for repeated {@link Prepared#apply}. */
  public Prepared prepare(DMatrix reduced, double[] tau, Arena arena) {
    int n = reduced.rows();
    int r = n - 1;
    if (r <= 0) {
      return new Prepared(n, new DMatrix[0], new DMatrix[0]);
    }
    int bs = Math.min(nb, r);
    int blocks = (r + bs - 1) / bs;
    DMatrix[] ys = new DMatrix[blocks];
    DMatrix[] ts = new DMatrix[blocks];
    for (int b = 0; b < blocks; b++) {
      int j0 = b * bs;
      int kb = Math.min(bs, r - j0);
      int rows = n - 1 - j0;
      ys[b] = DMatrix.allocate(arena, rows, kb);
      ts[b] = DMatrix.allocate(arena, kb, kb);
      formBlock(reduced, tau, j0, kb, rows, ys[b], ts[b]);
    }
    return new Prepared(n, ys, ts);
  }

  /**
   * Copies reflectors j0..j0+kb−1 into Y (rows × kb, unit lower trapezoidal with explicit zeros and
   * ones) and forms T ({@code dlarft}, forward, column-wise): T(c,c) = τ_c,
   * T(0:c, c) = −τ_c T(0:c, 0:c) Y(:, 0:c)ᵀ y_c.
   */
  private void formBlock(DMatrix reduced, double[] tau, int j0, int kb, int rows, DMatrix y, DMatrix t) {
    MemorySegment rs = reduced.segment();
    MemorySegment ys = y.segment();
    for (int c = 0; c < kb; c++) {
      long col = y.index(0, c);
      for (int i = 0; i < c; i++) {
        ys.setAtIndex(JAVA_DOUBLE, col + i, 0.0);
      }
      ys.setAtIndex(JAVA_DOUBLE, col + c, 1.0);
      int len = rows - c - 1;
      if (len > 0) {
        MemorySegment.copy(rs, reduced.index(j0 + c + 2, j0 + c) * Double.BYTES, ys, (col + c + 1) * Double.BYTES,
            (long) len * Double.BYTES);
      }
    }
    // S = Yᵀ Y (its lower triangle, by the symmetric rank-k kernel), then the dlarft recurrence on heap arrays
    k.syrkLower(kb, rows, 1.0, ys, y.offset(), y.ld(), 0.0, t.segment(), t.offset(), t.ld());
    double[] tt = new double[kb * kb];
    double[] col = new double[kb];
    for (int c = 0; c < kb; c++) {
      double tc = tau[j0 + c];
      for (int i = 0; i < c; i++) {
        col[i] = -tc * t.segment().getAtIndex(JAVA_DOUBLE, t.index(c, i));
      }
      // T(0:c, c) = T(0:c, 0:c)·col, T upper triangular, by columns of T (contiguous)
      int tcol = c * kb;
      for (int l = 0; l < c; l++) {
        double v = col[l];
        int tl = l * kb;
        for (int i = 0; i <= l; i++) {
          tt[tcol + i] += tt[tl + i] * v;
        }
      }
      tt[tcol + c] = tc;
    }
    MemorySegment ts = t.segment();
    for (int c = 0; c < kb; c++) {
      for (int i = 0; i < kb; i++) {
        ts.setAtIndex(JAVA_DOUBLE, t.index(i, c), i <= c ? tt[i + c * kb] : 0.0);
      }
    }
  }
}
