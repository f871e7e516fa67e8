package org.dmftbench.eigen;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.dmftbench.Tuning;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.PackedLower;
import org.dmftbench.linalg.DMatrix;
import org.dmftbench.linalg.OffHeap;

/**
 * Blocked Householder reduction of a symmetric matrix to tridiagonal form, A = Q T Qᵀ, on the lower
 * triangle, in place (LAPACK {@code dsytrd} with {@code UPLO='L'}, panels by {@code dlatrd},
 * reflectors by {@code dlarfg}; Golub &amp; Van Loan, Matrix Computations, 4th ed., §8.3.1, and
 * Dongarra, Hammarling &amp; Sorensen, "Block reduction of matrices to condensed forms for eigenvalue
 * computations", J. Comput. Appl. Math. 27, 1989).
 *
 * <p>The panel's symmetric products all read the same trailing matrix, so each panel first copies
 * its lower triangle into the tiled layout of {@link PackedLower} (n²/2 doubles, about 1/nb of the
 * traffic of the products that then stream it).
 *
 * <p>Q = H(0) H(1) ⋯ H(n−2), H(j) = I − τ_j v_j v_jᵀ with v_j(0:j) = 0, v_j(j+1) = 1 and
 * v_j(j+2:n) stored below the sub-diagonal of column j of the reduced matrix. Each panel of nb
 * columns is reduced with one symmetric matrix-vector product per column against the not yet
 * updated trailing matrix (corrected by four thin gemv calls with the panel's V and W), and the
 * trailing matrix then receives the rank-2nb update A ← A − V Wᵀ − W Vᵀ ({@code syr2k}), so half of
 * the 4n³/3 flops run in the level-3 kernel.
 *
 * <p>Stateless apart from the kernels it calls; scratch memory is allocated per call in the
 * caller's arena.
 */
public final class HouseholderTridiagonalizer {

  /** Smallest number whose reciprocal does not overflow, divided by the machine epsilon ({@code dlarfg}'s safmin). */
  private static final double SAFMIN = Double.MIN_NORMAL / 0x1p-53;

  private final DenseKernels k;
  private final int nb;

  /** A tridiagonalizer calling {@code kernels}, with the panel width of {@link Tuning#EIGEN_PANEL_WIDTH}. */
  public HouseholderTridiagonalizer(DenseKernels kernels) {
    this(kernels, Tuning.EIGEN_PANEL_WIDTH);
  }

  /** A tridiagonalizer with an explicit panel width (tests use small widths to exercise the blocking). */
  public HouseholderTridiagonalizer(DenseKernels kernels, int panelWidth) {
    if (panelWidth < 1) {
      throw new IllegalArgumentException("panel width must be >= 1, got " + panelWidth);
    }
    this.k = kernels;
    this.nb = panelWidth;
  }

  /**
   * Reduces the lower triangle of {@code a} (n×n) in place: on return d (length n) holds the diagonal
   * of T, e (length n − 1, or more) its sub-diagonal, tau (length n − 1, or more) the reflector
   * scalars, and the strictly lower part of {@code a} below the sub-diagonal the reflector vectors.
   */
  public void reduce(DMatrix a, double[] d, double[] e, double[] tau, Arena arena) {
    reduce(a, d, e, tau, arena, null);
  }

  /**
   * As {@link #reduce(DMatrix, double[], double[], double[], Arena)}, and when {@code panelDots} (length
   * n) is not null, row j of it receives v_tᵀv_j for the earlier reflectors t of reflector j's panel:
   * {@code panelDots[j][t − (j − panelDots[j].length)]}, t from the panel's first column to j − 1.
   * The panel forms these products anyway (dlatrd's Vᵀv correction), and they are the entries of YᵀY
   * that {@link HouseholderBackTransform#prepare(DMatrix, double[], double[][], Arena)} needs for Q's
   * compact WY blocks.
   */
  public void reduce(DMatrix a, double[] d, double[] e, double[] tau, Arena arena, double[][] panelDots) {
    int n = a.rows();
    if (a.cols() != n) {
      throw new IllegalArgumentException("tridiagonalization needs a square matrix, got " + n + "x" + a.cols());
    }
    if (n == 0) {
      return;
    }
    MemorySegment s = a.segment();
    int width = Math.min(nb, n);
    DMatrix w = DMatrix.allocate(arena, n, width);
    MemorySegment tmp = OffHeap.doubles(arena, width, "tridiagonalization scratch");
    // zero-filled although every panel packs its whole trailing triangle before reading it: taking it
    // uninitialized from a draw's workspace made the draw 6–17 ms slower in four interleaved rounds
    // out of four (results/2026-11-23-packed-scratch-jdk25)
    MemorySegment packed = OffHeap.doubles(arena, PackedLower.size(n), "packed trailing matrix");
    boolean blocked = n >= Tuning.EIGEN_BLOCKED_MIN_N && nb < n;
    int p = 0;
    if (blocked) {
      for (; n - p > nb + Math.max(nb, 16); p += nb) {
        panel(a, p, nb, w, tmp, packed, e, tau, panelDots);
        int q = p + nb;
        int m = n - q;
        // A(q:n, q:n) ← A − V Wᵀ − W Vᵀ with V = A(q:n, p:q), W = w(q−p:, 0:nb)
        k.syr2kLower(m, nb, -1.0, s, a.index(q, p), a.ld(), w.segment(), w.index(q - p, 0), w.ld(),
            1.0, s, a.index(q, q), a.ld());
        for (int j = p; j < q; j++) {
          s.setAtIndex(JAVA_DOUBLE, a.index(j + 1, j), e[j]);
          d[j] = s.getAtIndex(JAVA_DOUBLE, a.index(j, j));
        }
      }
    }
    // the last block, unblocked: a panel covering all remaining columns, no trailing update
    panel(a, p, n - p, w.cols() >= n - p ? w : DMatrix.allocate(arena, n, n - p), tmp(arena, tmp, n - p), packed,
        e, tau, panelDots);
    for (int j = p; j < n; j++) {
      if (j + 1 < n) {
        s.setAtIndex(JAVA_DOUBLE, a.index(j + 1, j), e[j]);
      }
      d[j] = s.getAtIndex(JAVA_DOUBLE, a.index(j, j));
    }
  }

  private static MemorySegment tmp(Arena arena, MemorySegment tmp, int len) {
    return tmp.byteSize() >= (long) len * Double.BYTES ? tmp : OffHeap.doubles(arena, len, "tridiagonalization scratch");
  }

  /**
   * {@code dlatrd} (lower): reduces columns p..p+cols−1, leaving the trailing matrix not updated and
   * returning in w(j−p, c) the matrix W of the update A ← A − V Wᵀ − W Vᵀ. Column j's reflector is
   * stored with its leading 1 explicit in A(j+1, j); e[j] holds the sub-diagonal entry. With
   * {@code dots} not null, dots[j] receives the panel's products v_tᵀv_j, t = p..j−1.
   */
  private void panel(DMatrix a, int p, int cols, DMatrix w, MemorySegment tmp, MemorySegment packed, double[] e,
                     double[] tau, double[][] dots) {
    int n = a.rows();
    MemorySegment s = a.segment();
    MemorySegment ws = w.segment();
    int lda = a.ld();
    int ldw = w.ld();
    k.packLower(n - p, s, a.index(p, p), lda, packed, 0);
    for (int c = 0; c < cols; c++) {
      int i = p + c;
      int len = n - i;
      if (c > 0) {
        // A(i:n, i) −= A(i:n, p:i) W(i, 0:c)ᵀ + W(i:n, 0:c) A(i, p:i)ᵀ
        for (int t = 0; t < c; t++) {
          tmp.setAtIndex(JAVA_DOUBLE, t, ws.getAtIndex(JAVA_DOUBLE, w.index(i - p, t)));
        }
        k.gemvN(len, c, -1.0, s, a.index(i, p), lda, tmp, 0, 1.0, s, a.index(i, i));
        for (int t = 0; t < c; t++) {
          tmp.setAtIndex(JAVA_DOUBLE, t, s.getAtIndex(JAVA_DOUBLE, a.index(i, p + t)));
        }
        k.gemvN(len, c, -1.0, ws, w.index(i - p, 0), ldw, tmp, 0, 1.0, s, a.index(i, i));
      }
      if (i < n - 1) {
        int m = len - 1;
        long vOff = a.index(i + 1, i);
        double alpha = s.getAtIndex(JAVA_DOUBLE, vOff);
        double[] beta = {alpha};
        tau[i] = householder(m, beta, s, vOff + 1);
        e[i] = beta[0];
        s.setAtIndex(JAVA_DOUBLE, vOff, 1.0);
        long wOff = w.index(i + 1 - p, c);
        trailingSymv(a, p, i, packed, vOff, ws, wOff);
        if (c > 0) {
          k.gemvT(m, c, 1.0, ws, w.index(i + 1 - p, 0), ldw, s, vOff, 0.0, tmp, 0);
          k.gemvN(m, c, -1.0, s, a.index(i + 1, p), lda, tmp, 0, 1.0, ws, wOff);
          // tmp = V(i+1:n, 0:c)ᵀ v; v vanishes above row i+1, so these are the whole products v_tᵀ v
          k.gemvT(m, c, 1.0, s, a.index(i + 1, p), lda, s, vOff, 0.0, tmp, 0);
          if (dots != null) {
            dots[i] = tmp.asSlice(0, (long) c * Double.BYTES).toArray(JAVA_DOUBLE);
          }
          k.gemvN(m, c, -1.0, ws, w.index(i + 1 - p, 0), ldw, tmp, 0, 1.0, ws, wOff);
        }
        double t = tau[i];
        k.scal(m, t, ws, wOff);
        double alpha2 = -0.5 * t * k.dot(m, ws, wOff, s, vOff);
        k.axpy(m, alpha2, s, vOff, ws, wOff);
      }
    }
  }

  /**
   * w ← A(i+1:n, i+1:n) v, v at {@code vOff} in A's segment, for a step i of the panel starting at
   * p, whose trailing matrix is unchanged since {@code packed} received A(p:n, p:n). The columns
   * from the first block boundary of the packed copy on are read from it (one contiguous stream);
   * the zero to three columns before that boundary, from A (each one axpy and one dot).
   */
  private void trailingSymv(DMatrix a, int p, int i, MemorySegment packed, long vOff, MemorySegment ws, long wOff) {
    int n = a.rows();
    int m = n - i - 1;
    int order = n - p;
    int local = i + 1 - p;
    int boundary = Math.min(order, (local + PackedLower.WIDTH - 1) / PackedLower.WIDTH * PackedLower.WIDTH);
    int lead = boundary - local;
    if (boundary < order) {
      k.symvLowerPacked(order, boundary, 1.0, packed, 0, a.segment(), vOff + lead, 0.0, ws, wOff + lead);
    }
    MemorySegment s = a.segment();
    for (int q = 0; q < lead; q++) {
      ws.setAtIndex(JAVA_DOUBLE, wOff + q, 0.0);
    }
    for (int q = 0; q < lead; q++) {
      int c = i + 1 + q;
      k.axpy(m - q - 1, s.getAtIndex(JAVA_DOUBLE, vOff + q), s, a.index(c + 1, c), ws, wOff + q + 1);
      double dot = k.dot(m - q, s, a.index(c, c), s, vOff + q);
      ws.setAtIndex(JAVA_DOUBLE, wOff + q, ws.getAtIndex(JAVA_DOUBLE, wOff + q) + dot);
    }
  }

  /**
   * {@code dlarfg}: generates H = I − τ v vᵀ with v = (1, x/(α−β)) such that H (α, x) = (β, 0).
   * {@code alphaBeta[0]} holds α on entry and β on return; x (m − 1 entries at {@code xOff}) is
   * overwritten by v(1:m). Rescales by 1/safmin when |β| would underflow, as LAPACK does.
   */
  private double householder(int m, double[] alphaBeta, MemorySegment x, long xOff) {
    if (m <= 1) {
      return 0.0;
    }
    double alpha = alphaBeta[0];
    double xnorm = k.nrm2(m - 1, x, xOff);
    if (xnorm == 0.0) {
      return 0.0;
    }
    double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
    int knt = 0;
    if (Math.abs(beta) < SAFMIN) {
      double rsafmn = 1.0 / SAFMIN;
      do {
        knt++;
        k.scal(m - 1, rsafmn, x, xOff);
        beta *= rsafmn;
        alpha *= rsafmn;
      } while (Math.abs(beta) < SAFMIN && knt < 20);
      xnorm = k.nrm2(m - 1, x, xOff);
      beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
    }
    double tau = (beta - alpha) / beta;
    k.scal(m - 1, 1.0 / (alpha - beta), x, xOff);
    for (int j = 0; j < knt; j++) {
      beta *= SAFMIN;
    }
    alphaBeta[0] = beta;
    return tau;
  }
}
