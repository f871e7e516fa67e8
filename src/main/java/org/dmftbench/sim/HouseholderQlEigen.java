package org.dmftbench.sim;

import java.lang.foreign.Arena;
import org.dmftbench.linalg.DMatrix;

/**
 * Symmetric eigen-decomposition by Householder tridiagonalization with accumulated transformations
 * followed by the implicit QL algorithm with Wilkinson-type shifts on the tridiagonal matrix,
 * accumulating the plane rotations into the eigenvectors.
 *
 * <p>Source: EISPACK {@code tred2} and {@code tql2} (Smith et al., Matrix Eigensystem Routines —
 * EISPACK Guide, Springer LNCS 6, 1976; Bowdler, Martin, Reinsch &amp; Wilkinson, Numer. Math. 11,
 * 1968), in the formulation of the public-domain JAMA package (Hicks, Moler et al.). Backward stable:
 * the residual ‖AV − VΛ‖ and ‖VᵀV − I‖ are O(n u ‖A‖).
 *
 * <p>Storage is on the heap during the solve; the eigenvectors are kept column-contiguous during the
 * QL sweeps so that each rotation touches two contiguous arrays.
 */
public final class HouseholderQlEigen implements SymmetricEigen {

  /** QL iterations allowed per eigenvalue before the solve is declared non-convergent (EISPACK uses 30). */
  private static final int MAX_ITERATIONS_PER_VALUE = 60;

  @Override
  public String name() {
    return "householder-ql";
  }

  @Override
  public Decomposition decompose(Arena arena, DMatrix a) {
    int n = a.rows();
    if (a.cols() != n) {
      throw new IllegalArgumentException("eigen-solve needs a square matrix, got " + a.rows() + "x" + a.cols());
    }
    double[][] v = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int i = j; i < n; i++) {
        double x = a.get(i, j);
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException("matrix has a non-finite entry " + x + " at (" + (i + 1) + ", " + (j + 1) + ")");
        }
        v[i][j] = x;
        v[j][i] = x;
      }
    }
    double[] d = new double[n];
    double[] e = new double[n];
    DMatrix out = DMatrix.allocate(arena, n, n);
    if (n == 0) {
      return new Decomposition(d, out);
    }
    tred2(n, v, d, e);
    double[][] z = new double[n][];
    for (int j = 0; j < n; j++) {
      z[j] = new double[n];
      for (int k = 0; k < n; k++) {
        z[j][k] = v[k][j];
      }
    }
    v = null;
    tql2(n, z, d, e);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (p, q) -> Double.compare(d[p], d[q]));
    double[] values = new double[n];
    for (int j = 0; j < n; j++) {
      int src = order[j];
      values[j] = d[src];
      double[] col = z[src];
      for (int k = 0; k < n; k++) {
        out.set(k, j, col[k]);
      }
    }
    return new Decomposition(values, out);
  }

  /** Householder reduction to tridiagonal form with the orthogonal transformation accumulated in v. */
  private static void tred2(int n, double[][] v, double[] d, double[] e) {
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
    }
    for (int i = n - 1; i > 0; i--) {
      double scale = 0;
      double h = 0;
      for (int k = 0; k < i; k++) {
        scale += Math.abs(d[k]);
      }
      if (scale == 0) {
        e[i] = d[i - 1];
        for (int j = 0; j < i; j++) {
          d[j] = v[i - 1][j];
          v[i][j] = 0;
          v[j][i] = 0;
        }
      } else {
        for (int k = 0; k < i; k++) {
          d[k] /= scale;
          h += d[k] * d[k];
        }
        double f = d[i - 1];
        double g = Math.sqrt(h);
        if (f > 0) {
          g = -g;
        }
        e[i] = scale * g;
        h -= f * g;
        d[i - 1] = f - g;
        for (int j = 0; j < i; j++) {
          e[j] = 0;
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          v[j][i] = f;
          g = e[j] + v[j][j] * f;
          for (int k = j + 1; k <= i - 1; k++) {
            g += v[k][j] * d[k];
            e[k] += v[k][j] * f;
          }
          e[j] = g;
        }
        f = 0;
        for (int j = 0; j < i; j++) {
          e[j] /= h;
          f += e[j] * d[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j < i; j++) {
          e[j] -= hh * d[j];
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          g = e[j];
          for (int k = j; k <= i - 1; k++) {
            v[k][j] -= f * e[k] + g * d[k];
          }
          d[j] = v[i - 1][j];
          v[i][j] = 0;
        }
      }
      d[i] = h;
    }
    for (int i = 0; i < n - 1; i++) {
      v[n - 1][i] = v[i][i];
      v[i][i] = 1;
      double h = d[i + 1];
      if (h != 0) {
        for (int k = 0; k <= i; k++) {
          d[k] = v[k][i + 1] / h;
        }
        for (int j = 0; j <= i; j++) {
          double g = 0;
          for (int k = 0; k <= i; k++) {
            g += v[k][i + 1] * v[k][j];
          }
          for (int k = 0; k <= i; k++) {
            v[k][j] -= g * d[k];
          }
        }
      }
      for (int k = 0; k <= i; k++) {
        v[k][i + 1] = 0;
      }
    }
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
      v[n - 1][j] = 0;
    }
    v[n - 1][n - 1] = 1;
    e[0] = 0;
  }

  /** Implicit QL on the tridiagonal (d, e); z[j] is column j of the eigenvector matrix. */
  private static void tql2(int n, double[][] z, double[] d, double[] e) {
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    e[n - 1] = 0;
    double f = 0;
    double tst1 = 0;
    double eps = 0x1p-52;
    for (int l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
      int m = l;
      while (m < n - 1 && Math.abs(e[m]) > eps * tst1) {
        m++;
      }
      if (m > l) {
        int iter = 0;
        do {
          if (++iter > MAX_ITERATIONS_PER_VALUE) {
            throw new ArithmeticException("symmetric QL iteration did not converge for eigenvalue " + (l + 1) + " of " + n);
          }
          double g = d[l];
          double p = (d[l + 1] - g) / (2 * e[l]);
          double r = Math.hypot(p, 1);
          if (p < 0) {
            r = -r;
          }
          d[l] = e[l] / (p + r);
          d[l + 1] = e[l] * (p + r);
          double dl1 = d[l + 1];
          double h = g - d[l];
          for (int i = l + 2; i < n; i++) {
            d[i] -= h;
          }
          f += h;
          p = d[m];
          double c = 1;
          double c2 = c;
          double c3 = c;
          double el1 = e[l + 1];
          double s = 0;
          double s2 = 0;
          for (int i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i];
            h = c * p;
            r = Math.hypot(p, e[i]);
            e[i + 1] = s * r;
            s = e[i] / r;
            c = p / r;
            p = c * d[i] - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]);
            rotate(z[i], z[i + 1], c, s, n);
          }
          p = -s * s2 * c3 * el1 * e[l] / dl1;
          e[l] = s * p;
          d[l] = c * p;
        } while (Math.abs(e[l]) > eps * tst1);
      }
      d[l] += f;
      e[l] = 0;
    }
  }

  /** (zi, zi1) ← (c·zi − s·zi1, s·zi + c·zi1). */
  private static void rotate(double[] zi, double[] zi1, double c, double s, int n) {
    for (int k = 0; k < n; k++) {
      double h = zi1[k];
      double x = zi[k];
      zi1[k] = s * x + c * h;
      zi[k] = c * x - s * h;
    }
  }
}
