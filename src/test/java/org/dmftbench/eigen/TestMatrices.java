package org.dmftbench.eigen;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.dmftbench.linalg.DMatrix;

/** Reproducible test matrices (fixed seeds); every generator fills the full symmetric matrix. */
final class TestMatrices {

  private TestMatrices() {
  }

  static double gaussian(SplittableRandom r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** A symmetric matrix with independent N(0, 1) entries on and below the diagonal. */
  static double[][] gaussianSymmetric(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] a = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int i = j; i < n; i++) {
        a[i][j] = gaussian(r);
        a[j][i] = a[i][j];
      }
    }
    return a;
  }

  /**
   * Q diag(d) Qᵀ with Q a product of six random Householder reflectors (orthogonal to rounding, and
   * dense), so the spectrum is d up to a few ulps of max|d|.
   */
  static double[][] prescribed(double[] d, long seed) {
    int n = d.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = d[i];
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int t = 0; t < 6 && n > 1; t++) {
      double[] v = new double[n];
      double s = 0;
      for (int i = 0; i < n; i++) {
        v[i] = gaussian(r);
        s += v[i] * v[i];
      }
      double inv = 1.0 / Math.sqrt(s);
      for (int i = 0; i < n; i++) {
        v[i] *= inv;
      }
      reflect(a, v);
    }
    for (int j = 0; j < n; j++) {
      for (int i = j + 1; i < n; i++) {
        double m = 0.5 * (a[i][j] + a[j][i]);
        a[i][j] = m;
        a[j][i] = m;
      }
    }
    return a;
  }

  /** A ← H A H with H = I − 2 v vᵀ, ‖v‖ = 1. */
  private static void reflect(double[][] a, double[] v) {
    int n = v.length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i][j] * v[j];
      }
      w[i] = s;
    }
    double vw = 0;
    for (int i = 0; i < n; i++) {
      vw += v[i] * w[i];
    }
    // H A H = A − 2 v wᵀ − 2 w vᵀ + 4 (vᵀw) v vᵀ
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] += -2 * v[i] * w[j] - 2 * w[i] * v[j] + 4 * vw * v[i] * v[j];
      }
    }
  }

  static double[][] diagonal(double[] d) {
    int n = d.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = d[i];
    }
    return a;
  }

  static double[][] tridiagonal(double[] d, double[] e) {
    double[][] a = diagonal(d);
    for (int i = 0; i < e.length; i++) {
      a[i + 1][i] = e[i];
      a[i][i + 1] = e[i];
    }
    return a;
  }

  /** Wilkinson's W⁺_{2m+1}: diagonal |m − i|, unit off-diagonal; nearly double eigenvalue pairs. */
  static double[][] wilkinson(int m) {
    int n = 2 * m + 1;
    double[] d = new double[n];
    double[] e = new double[n - 1];
    for (int i = 0; i < n; i++) {
      d[i] = Math.abs(m - i);
    }
    java.util.Arrays.fill(e, 1.0);
    return tridiagonal(d, e);
  }

  /** A_ij = G_ij s_i s_j with s graded geometrically so that entries span about 1e-150 … 1e150. */
  static double[][] graded(int n, long seed) {
    double[][] a = gaussianSymmetric(n, seed);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double si = Math.pow(10, -75 + 150.0 * i / (n - 1));
        double sj = Math.pow(10, -75 + 150.0 * j / (n - 1));
        a[i][j] *= si * sj;
      }
    }
    return a;
  }

  static double[][] scaled(double[][] a, double s) {
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
      for (int j = 0; j < b[i].length; j++) {
        b[i][j] *= s;
      }
    }
    return b;
  }

  static DMatrix off(Arena arena, double[][] a) {
    return a.length == 0 ? DMatrix.allocate(arena, 0, 0) : DMatrix.of(arena, a);
  }
}
