package org.dmftbench.linalg;

import java.lang.foreign.Arena;

/**
 * A column interpolative decomposition X ≈ X(:, J)·C of an m×n matrix: k = |J| of its columns (the
 * skeleton) and a k×n coefficient matrix C with C(:, J) = I, so that the skeleton columns are
 * reproduced exactly and every other column is a combination of them.
 *
 * <p>Algorithm: Householder QR with column pivoting (Businger &amp; Golub, Numer. Math. 7, 1965; LAPACK
 * dlaqp2, with its guarded downdating of the column norms) on X with its columns scaled to unit
 * norm, stopped when every remaining column's residual norm is at most {@code tolerance}; then
 * X(:, J) R₁₁⁻¹R₁₂ gives the other columns (Cheng, Gimbutas, Martinsson &amp; Rokhlin, "On the
 * compression of low rank matrices", SIAM J. Sci. Comput. 26(4), 2005). In exact arithmetic column
 * j's error is its residual norm at the stop, ≤ tolerance·‖x_j‖. In floating point the solve with an
 * ill-conditioned R₁₁ can do worse, so {@link #error(int)} is not that estimate but the error
 * ‖x_j − X(:, J)c_j‖ formed explicitly from the result.
 */
public final class InterpolativeDecomposition {

  private final int[] skeleton;
  private final double[][] coefficients;
  private final double[] error;

  private InterpolativeDecomposition(int[] skeleton, double[][] coefficients, double[] error) {
    this.skeleton = skeleton;
    this.coefficients = coefficients;
    this.error = error;
  }

  /**
   * The decomposition of {@code x} with at most {@code maxRank} skeleton columns, or null when more
   * would be needed to bring every column's residual to {@code tolerance} times its norm (or when x
   * holds a non-finite number). Scratch comes from {@code arena}; x is not changed.
   */
  public static InterpolativeDecomposition of(DMatrix x, double tolerance, int maxRank, Arena arena, Blas blas) {
    int m = x.rows();
    int n = x.cols();
    DMatrix w = DMatrix.allocateUninitialized(arena, m, n);
    w.copyFrom(x);
    double[] norm = new double[n];
    for (int j = 0; j < n; j++) {
      norm[j] = blas.nrm2(w.column(j));
      if (!Double.isFinite(norm[j])) {
        return null;
      }
      if (norm[j] > 0) {
        blas.scal(1.0 / norm[j], w.column(j));
      }
    }
    int[] perm = new int[n];
    double[] vn1 = new double[n];
    double[] vn2 = new double[n];
    for (int j = 0; j < n; j++) {
      perm[j] = j;
      vn1[j] = norm[j] > 0 ? 1.0 : 0.0;
      vn2[j] = vn1[j];
    }
    double tol3z = Math.sqrt(0x1p-53);
    DVector row = DVector.allocate(arena, Math.max(n, 1));
    int k = 0;
    int steps = Math.min(m, n);
    for (; k < steps; k++) {
      int p = k;
      for (int j = k + 1; j < n; j++) {
        if (vn1[j] > vn1[p]) {
          p = j;
        }
      }
      if (vn1[p] <= tolerance) {
        break;
      }
      if (k == maxRank) {
        return null;
      }
      if (p != k) {
        swapColumns(w, p, k);
        int ti = perm[p];
        perm[p] = perm[k];
        perm[k] = ti;
        vn1[p] = vn1[k];
        vn2[p] = vn2[k];
      }
      // Householder reflector H = I − τ v vᵀ with v = [1; w(k+1.., k)] making w(k.., k) = [β; 0]
      DVector head = w.column(k).slice(k, m - k);
      DVector tail = head.slice(1, m - k - 1);
      double alpha = head.get(0);
      double xnorm = blas.nrm2(tail);
      double tau = 0;
      double beta = alpha;
      if (xnorm != 0) {
        beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        tau = (beta - alpha) / beta;
        blas.scal(1.0 / (alpha - beta), tail);
        head.set(0, beta);
      }
      // the other columns: W(k.., k+1..) ← H·W(k.., k+1..) = W − v·(τ vᵀW), a gemv and a rank-1 update
      int rest = n - k - 1;
      if (tau != 0 && rest > 0) {
        DMatrix trailing = w.view(k, k + 1, m - k, rest);
        DVector vtw = row.slice(0, rest);
        head.set(0, 1.0);
        blas.gemv(true, tau, trailing, head, 0.0, vtw);
        blas.gemm(false, false, -1.0, DMatrix.wrap(head.segment(), head.offset(), m - k, 1, m - k),
            DMatrix.wrap(vtw.segment(), vtw.offset(), 1, rest, 1), 1.0, trailing);
        head.set(0, beta);
      }
      // LAPACK's guarded downdate of the remaining column norms, recomputed where it would cancel
      for (int j = k + 1; j < n; j++) {
        if (vn1[j] != 0) {
          double r = Math.abs(w.get(k, j)) / vn1[j];
          double temp = Math.max(0.0, (1.0 + r) * (1.0 - r));
          double ratio = vn1[j] / vn2[j];
          if (temp * ratio * ratio <= tol3z) {
            vn1[j] = blas.nrm2(w.column(j).slice(k + 1, m - k - 1));
            vn2[j] = vn1[j];
          } else {
            vn1[j] *= Math.sqrt(temp);
          }
        }
      }
    }
    // T = R₁₁⁻¹R₁₂ by back substitution, then C in X's own column order and scale
    double[][] c = new double[k][n];
    for (int q = k; q < n; q++) {
      double[] t = new double[k];
      for (int i = k - 1; i >= 0; i--) {
        double s = w.get(i, q);
        for (int l = i + 1; l < k; l++) {
          s -= w.get(i, l) * t[l];
        }
        t[i] = s / w.get(i, i);
      }
      int col = perm[q];
      for (int i = 0; i < k; i++) {
        c[i][col] = norm[perm[i]] > 0 ? t[i] * norm[col] / norm[perm[i]] : 0.0;
      }
    }
    int[] skel = java.util.Arrays.copyOf(perm, k);
    for (int i = 0; i < k; i++) {
      c[i][skel[i]] = 1.0;
    }
    return new InterpolativeDecomposition(skel, c, residuals(x, skel, c, arena, blas));
  }

  /** ‖x_j − X(:, J)c_j‖ for every column, formed explicitly (0 on the skeleton). */
  private static double[] residuals(DMatrix x, int[] skel, double[][] c, Arena arena, Blas blas) {
    int m = x.rows();
    int n = x.cols();
    int k = skel.length;
    double[] err = new double[n];
    if (k == n) {
      return err;
    }
    DMatrix xs = gatherColumns(x, skel, arena);
    DMatrix cm = DMatrix.allocateUninitialized(arena, Math.max(k, 1), n);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < k; i++) {
        cm.set(i, j, c[i][j]);
      }
    }
    DMatrix res = DMatrix.allocateUninitialized(arena, m, n);
    res.copyFrom(x);
    if (k > 0) {
      blas.gemm(false, false, -1.0, xs, cm.view(0, 0, k, n), 1.0, res);
    }
    for (int j = 0; j < n; j++) {
      err[j] = blas.nrm2(res.column(j));
    }
    for (int s : skel) {
      err[s] = 0;
    }
    return err;
  }

  /** The columns {@code cols} of x, in that order, as a new matrix in {@code arena}. */
  public static DMatrix gatherColumns(DMatrix x, int[] cols, Arena arena) {
    DMatrix out = DMatrix.allocateUninitialized(arena, x.rows(), Math.max(cols.length, 1));
    for (int q = 0; q < cols.length; q++) {
      out.column(q).copyFrom(x.column(cols[q]));
    }
    return out.view(0, 0, x.rows(), cols.length);
  }

  private static void swapColumns(DMatrix w, int a, int b) {
    double[] ca = w.column(a).toArray();
    w.column(a).copyFrom(w.column(b));
    w.column(b).copyFrom(ca);
  }

  /** The skeleton J: the indices of the columns kept, in pivot order. */
  public int[] skeleton() {
    return skeleton.clone();
  }

  /** The rank k = |J|. */
  public int rank() {
    return skeleton.length;
  }

  /** C as a k×n row-major array: x_j ≈ Σ_i C[i][j]·x_{J[i]}, with C(:, J) = I. */
  public double[][] coefficients() {
    double[][] c = new double[coefficients.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = coefficients[i].clone();
    }
    return c;
  }

  /** ‖x_j − X(:, J)c_j‖, formed from the result (0 for skeleton columns). */
  public double error(int j) {
    return error[j];
  }
}
