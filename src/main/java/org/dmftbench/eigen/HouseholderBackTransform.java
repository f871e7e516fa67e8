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
   * that applies Q to a few columns at a time would otherwise form each block's T at every call. The
   * reflectors are read where the reduction left them; each block keeps only its leading kb×kb unit
   * lower triangle Y₁ (explicit zeros and ones) and its T, O(n·nb) doubles in all.
   */
  public final class Prepared {
    private final DMatrix reduced;
    private final DMatrix[] tops;
    private final DMatrix[] ts;

    private Prepared(DMatrix reduced, DMatrix[] tops, DMatrix[] ts) {
      this.reduced = reduced;
      this.tops = tops;
      this.ts = ts;
    }

    /**
     * C ← Q C ({@code transpose == false}) or C ← Qᵀ C for an n×m matrix C; scratch from {@code arena}.
     * The reduced matrix must be unchanged since {@link #prepare}.
     */
    public void apply(DMatrix c, boolean transpose, Arena arena) {
      int n = reduced.rows();
      if (c.rows() != n) {
        throw new IllegalArgumentException("Q is " + n + "x" + n + " but C has " + c.rows() + " rows");
      }
      int m = c.cols();
      int blocks = tops.length;
      if (blocks == 0 || m == 0) {
        return;
      }
      int bs = ts[0].rows();
      DMatrix w = DMatrix.allocate(arena, bs, m);
      DMatrix w2 = DMatrix.allocate(arena, bs, m);
      for (int q = 0; q < blocks; q++) {
        int b = transpose ? q : blocks - 1 - q;
        applySplitBlock(b * bs, b, c, transpose, w, w2);
      }
    }

    /**
     * C[j0+1:, :] ← (I − Y op(T) Yᵀ) C[j0+1:, :] with Y = [Y₁; Y₂], Y₂ = reduced(j0+kb+1:n, j0:j0+kb)
     * read in place (LAPACK {@code dlarfb}'s split): W = Y₁ᵀC₁ + Y₂ᵀC₂; W2 = op(T) W; C₁ −= Y₁W2;
     * C₂ −= Y₂W2.
     */
    private void applySplitBlock(int j0, int b, DMatrix c, boolean transpose, DMatrix w, DMatrix w2) {
      DMatrix top = tops[b];
      DMatrix t = ts[b];
      int kb = t.cols();
      int m = c.cols();
      int below = reduced.rows() - 1 - j0 - kb;
      MemorySegment rs = reduced.segment();
      long y2 = reduced.index(j0 + kb + 1, j0);
      DMatrix c1 = c.view(j0 + 1, 0, kb, m);
      k.gemm(true, false, kb, m, kb, 1.0, top.segment(), top.offset(), top.ld(), c1.segment(), c1.offset(), c1.ld(),
          0.0, w.segment(), w.offset(), w.ld());
      if (below > 0) {
        DMatrix c2 = c.view(j0 + kb + 1, 0, below, m);
        k.gemm(true, false, kb, m, below, 1.0, rs, y2, reduced.ld(), c2.segment(), c2.offset(), c2.ld(),
            1.0, w.segment(), w.offset(), w.ld());
      }
      k.gemm(transpose, false, kb, m, kb, 1.0, t.segment(), t.offset(), t.ld(), w.segment(), w.offset(), w.ld(),
          0.0, w2.segment(), w2.offset(), w2.ld());
      k.gemm(false, false, kb, m, kb, -1.0, top.segment(), top.offset(), top.ld(), w2.segment(), w2.offset(), w2.ld(),
          1.0, c1.segment(), c1.offset(), c1.ld());
      if (below > 0) {
        DMatrix c2 = c.view(j0 + kb + 1, 0, below, m);
        k.gemm(false, false, below, m, kb, -1.0, rs, y2, reduced.ld(), w2.segment(), w2.offset(), w2.ld(),
            1.0, c2.segment(), c2.offset(), c2.ld());
      }
    }
  }

  /**
   * Q's blocks for repeated {@link Prepared#apply}: T of each block by the {@code dlarft} recurrence
   * from the products y_iᵀy_j of its reflectors, taken from {@code panelDots} (as
   * {@link HouseholderTridiagonalizer#reduce(DMatrix, double[], double[], double[], Arena, double[][])}
   * leaves them; null for none) where it has them, formed by a dot product otherwise (a block that spans
   * two of the reduction's panels). With this back-transformation's block size equal to the reduction's
   * panel width, no product is formed: preparing costs O(n·nb) instead of the n²·nb/2 of YᵀY.
   * {@code reduced} is read again by every {@link Prepared#apply}.
   */
  public Prepared prepare(DMatrix reduced, double[] tau, double[][] panelDots, Arena arena) {
    int n = reduced.rows();
    int r = n - 1;
    if (r <= 0) {
      return new Prepared(reduced, new DMatrix[0], new DMatrix[0]);
    }
    int bs = Math.min(nb, r);
    int blocks = (r + bs - 1) / bs;
    DMatrix[] tops = new DMatrix[blocks];
    DMatrix[] ts = new DMatrix[blocks];
    MemorySegment rs = reduced.segment();
    for (int b = 0; b < blocks; b++) {
      int j0 = b * bs;
      int kb = Math.min(bs, r - j0);
      DMatrix top = DMatrix.allocate(arena, kb, kb);
      for (int c = 0; c < kb; c++) {
        top.set(c, c, 1.0);
        int len = kb - c - 1;
        if (len > 0) {
          MemorySegment.copy(rs, reduced.index(j0 + c + 2, j0 + c) * Double.BYTES, top.segment(),
              top.index(c + 1, c) * Double.BYTES, (long) len * Double.BYTES);
        }
      }
      // gram[c·kb + i] = y_iᵀ y_c (i < c); y_i has its 1 in row j0+i+1, y_c in row j0+c+1
      double[] gram = new double[kb * kb];
      for (int c = 1; c < kb; c++) {
        int j = j0 + c;
        double[] known = panelDots == null ? null : panelDots[j];
        int first = known == null ? j : j - known.length;
        for (int i = 0; i < c; i++) {
          int ti = j0 + i;
          if (ti >= first) {
            gram[c * kb + i] = known[ti - first];
          } else {
            int below = n - j - 2;
            double dot = rs.getAtIndex(JAVA_DOUBLE, reduced.index(j + 1, ti));
            if (below > 0) {
              dot += k.dot(below, rs, reduced.index(j + 2, ti), rs, reduced.index(j + 2, j));
            }
            gram[c * kb + i] = dot;
          }
        }
      }
      ts[b] = DMatrix.allocate(arena, kb, kb);
      larft(tau, j0, kb, gram, ts[b]);
      tops[b] = top;
    }
    return new Prepared(reduced, tops, ts);
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
    // S = Yᵀ Y (its lower triangle, by the symmetric rank-k kernel), then the dlarft recurrence
    k.syrkLower(kb, rows, 1.0, ys, y.offset(), y.ld(), 0.0, t.segment(), t.offset(), t.ld());
    double[] gram = new double[kb * kb];
    for (int c = 1; c < kb; c++) {
      for (int i = 0; i < c; i++) {
        gram[c * kb + i] = t.get(c, i);
      }
    }
    larft(tau, j0, kb, gram, t);
  }

  /**
   * T of reflectors j0..j0+kb−1 ({@code dlarft}, forward, column-wise) from their products
   * gram[c·kb + i] = y_iᵀy_c, i &lt; c: T(c,c) = τ_c, T(0:c, c) = −τ_c T(0:c, 0:c) (y_iᵀy_c)_{i&lt;c};
   * computed on heap arrays, then written to t (upper triangle, zeros below).
   */
  private static void larft(double[] tau, int j0, int kb, double[] gram, DMatrix t) {
    double[] tt = new double[kb * kb];
    double[] col = new double[kb];
    for (int c = 0; c < kb; c++) {
      double tc = tau[j0 + c];
      for (int i = 0; i < c; i++) {
        col[i] = -tc * gram[c * kb + i];
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
