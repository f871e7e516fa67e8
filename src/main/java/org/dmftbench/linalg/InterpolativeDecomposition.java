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
    // the columns on the heap, scaled to unit norm: pivoting swaps references, and the reflector
    // updates are short loops over one column at a time, which stays in L1 between its dot and axpy
    double[][] w = new double[n][];
    double[] norm = new double[n];
    for (int j = 0; j < n; j++) {
      norm[j] = blas.nrm2(x.column(j));
      if (!Double.isFinite(norm[j])) {
        return null;
      }
      w[j] = x.column(j).toArray();
      if (norm[j] > 0) {
        double inv = 1.0 / norm[j];
        for (int i = 0; i < m; i++) {
          w[j][i] *= inv;
        }
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
        double[] tw = w[p];
        w[p] = w[k];
        w[k] = tw;
        int ti = perm[p];
        perm[p] = perm[k];
        perm[k] = ti;
        vn1[p] = vn1[k];
        vn2[p] = vn2[k];
      }
      // Householder reflector H = I − τ v vᵀ with v = [1; w_k(k+1..)] making w_k(k..) = [β; 0]
      double[] v = w[k];
      double alpha = v[k];
      double xnorm = Math.sqrt(dot(v, v, k + 1, m));
      double tau = 0;
      if (xnorm != 0) {
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        tau = (beta - alpha) / beta;
        double scale = 1.0 / (alpha - beta);
        for (int i = k + 1; i < m; i++) {
          v[i] *= scale;
        }
        v[k] = beta;
      }
      for (int j = k + 1; j < n; j++) {
        double[] c = w[j];
        if (tau != 0) {
          double s = tau * (c[k] + dot(v, c, k + 1, m));
          c[k] -= s;
          for (int i = k + 1; i < m; i++) {
            c[i] = Math.fma(-s, v[i], c[i]);
          }
        }
        // LAPACK's guarded downdate of the column norm, recomputed where it would cancel
        if (vn1[j] != 0) {
          double r = Math.abs(c[k]) / vn1[j];
          double temp = Math.max(0.0, (1.0 + r) * (1.0 - r));
          double ratio = vn1[j] / vn2[j];
          if (temp * ratio * ratio <= tol3z) {
            vn1[j] = Math.sqrt(dot(c, c, k + 1, m));
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
        double s = w[q][i];
        for (int l = i + 1; l < k; l++) {
          s -= w[l][i] * t[l];
        }
        t[i] = s / w[i][i];
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

  /** Σ a_i b_i over [from, to), four partial sums (a fixed order: the same bits on every run). */
  private static double dot(double[] a, double[] b, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 = Math.fma(a[i], b[i], s0);
      s1 = Math.fma(a[i + 1], b[i + 1], s1);
      s2 = Math.fma(a[i + 2], b[i + 2], s2);
      s3 = Math.fma(a[i + 3], b[i + 3], s3);
    }
    for (; i < to; i++) {
      s0 = Math.fma(a[i], b[i], s0);
    }
    return (s0 + s1) + (s2 + s3);
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
    DMatrix xs = x.gatherColumns(skel, arena);
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
