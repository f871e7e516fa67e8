package org.dmftbench.eigen;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import org.dmftbench.linalg.DMatrix;

/**
 * Implicit QL/QR iteration with Wilkinson-type shifts for the symmetric tridiagonal eigenproblem
 * (LAPACK {@code dsteqr}; Golub &amp; Van Loan, Matrix Computations, 4th ed., §8.3.5; Bowdler,
 * Martin, Reinsch &amp; Wilkinson, "The QR and QL algorithms for symmetric matrices", Numer. Math.
 * 11, 1968). The matrix splits wherever |e_i| ≤ ε √|d_i| √|d_{i+1}|; each unreduced block is
 * iterated from the end with the larger diagonal entry (QL when the bottom is larger, QR
 * otherwise), which keeps graded matrices accurate.
 *
 * <p>Values only ({@link #values}, the root-free {@code dsterf} variant): O(n²) flops, no accumulation. With vectors the plane rotations of
 * each sweep are applied to the columns of Z ({@code dlasr}), about 6n³ flops in all. Projections
 * Zᵀ C for an n×k matrix C apply the same rotations to the rows of C: O(n² k), which makes this the
 * fastest route for mode 3 with few right-hand sides (see {@link EigenSolvers}).
 */
public final class TridiagonalQL implements TridiagonalEigenSolver {

  private static final double EPS = 0x1p-53;
  private static final double EPS2 = EPS * EPS;
  private static final double SAFMIN = Double.MIN_NORMAL;
  /** Bounds of dlartg's safe range for the unscaled formula: √safmin and √(safmax/2). */
  private static final double RTMIN = Math.sqrt(Double.MIN_NORMAL);
  private static final double RTMAX = Math.sqrt(Double.MAX_VALUE / 2);
  /** dsteqr's limit: 30 sweeps per eigenvalue on average. */
  private static final int MAX_SWEEPS_PER_VALUE = 30;

  @Override
  public String name() {
    return "ql";
  }

  /**
   * Values only by the root-free variant of the same iteration (Pal, Walker &amp; Kahan; LAPACK
   * {@code dsterf}): it works on the squares e_i², so each rotation costs two divisions and no
   * square root — about twice as fast as the rotation-based iteration, whose sweeps are a chain of
   * dependent square roots.
   */
  @Override
  public void values(double[] d, double[] e) {
    rootFree(d, e, d.length);
    java.util.Arrays.sort(d);
  }

  /**
   * The end m of the unreduced block starting at l1 (dsterf/dsteqr's splitting test): the first
   * m ≥ l1 with e_m negligible, |e_m| ≤ ε·√|d_m|·√|d_{m+1}|, which is set to zero (m = n − 1 when
   * none is); the coupling e_{l1−1} to the previous block is zeroed too.
   */
  private static int blockEnd(double[] d, double[] e, int l1, int n) {
    if (l1 > 0) {
      e[l1 - 1] = 0.0;
    }
    int m = l1;
    for (; m < n - 1; m++) {
      double tst = Math.abs(e[m]);
      if (tst == 0.0) {
        break;
      }
      if (tst <= Math.sqrt(Math.abs(d[m])) * Math.sqrt(Math.abs(d[m + 1])) * EPS) {
        e[m] = 0.0;
        break;
      }
    }
    return m;
  }

  /** {@code dsterf}: eigenvalues of T(d, e) into d (unsorted); e destroyed. */
  static void rootFree(double[] d, double[] e, int n) {
    if (n <= 1) {
      return;
    }
    int nmaxit = n * MAX_SWEEPS_PER_VALUE;
    int jtot = 0;
    int l1 = 0;
    while (l1 < n) {
      int m = blockEnd(d, e, l1, n);
      int l = l1;
      int lend = m;
      l1 = m + 1;
      if (lend == l) {
        continue;
      }
      double anorm = maxNorm(d, e, l, lend);
      if (anorm == 0.0) {
        continue;
      }
      int lsv = l;
      int lendsv = lend;
      int exp = -Math.getExponent(anorm);
      scaleBlock(d, e, lsv, lendsv, exp);
      for (int i = l; i < lend; i++) {
        e[i] = e[i] * e[i];
      }
      if (Math.abs(d[lend]) < Math.abs(d[l])) {
        int t = lend;
        lend = l;
        l = t;
      }
      jtot = lend >= l ? rootFreeQl(d, e, l, lend, jtot, nmaxit) : rootFreeQr(d, e, l, lend, jtot, nmaxit);
      for (int i = lsv; i <= lendsv; i++) {
        d[i] = Math.scalb(d[i], -exp);
      }
      if (jtot >= nmaxit) {
        for (int i = 0; i < n - 1; i++) {
          if (e[i] != 0.0) {
            throw new ArithmeticException("tridiagonal QL iteration (root-free) did not converge after " + nmaxit
                + " sweeps (n = " + n + ")");
          }
        }
        return;
      }
    }
  }

  private static int rootFreeQl(double[] d, double[] e, int l, int lend, int jtot, int nmaxit) {
    while (l <= lend) {
      int m = l;
      if (l != lend) {
        for (; m < lend; m++) {
          if (Math.abs(e[m]) <= EPS2 * Math.abs(d[m] * d[m + 1])) {
            break;
          }
        }
      }
      if (m < lend) {
        e[m] = 0.0;
      }
      double p = d[l];
      if (m == l) {
        d[l] = p;
        l++;
        continue;
      }
      if (m == l + 1) {
        double[] r = eig2(d[l], Math.sqrt(e[l]), d[l + 1]);
        d[l] = r[0];
        d[l + 1] = r[1];
        e[l] = 0.0;
        l += 2;
        continue;
      }
      if (jtot == nmaxit) {
        return jtot;
      }
      jtot++;
      double rte = Math.sqrt(e[l]);
      double sigma = (d[l + 1] - p) / (2.0 * rte);
      double r = norm2(sigma, 1.0);
      sigma = p - (rte / (sigma + Math.copySign(r, sigma)));
      double c = 1.0;
      double s = 0.0;
      double gamma = d[m] - sigma;
      p = gamma * gamma;
      for (int i = m - 1; i >= l; i--) {
        double bb = e[i];
        r = p + bb;
        if (i != m - 1) {
          e[i + 1] = s * r;
        }
        double oldc = c;
        c = p / r;
        s = bb / r;
        double oldgam = gamma;
        double alpha = d[i];
        gamma = c * (alpha - sigma) - s * oldgam;
        d[i + 1] = oldgam + (alpha - gamma);
        p = c != 0.0 ? (gamma * gamma) / c : oldc * bb;
      }
      e[l] = s * p;
      d[l] = sigma + gamma;
    }
    return jtot;
  }

  private static int rootFreeQr(double[] d, double[] e, int l, int lend, int jtot, int nmaxit) {
    while (l >= lend) {
      int m = l;
      if (l != lend) {
        for (; m > lend; m--) {
          if (Math.abs(e[m - 1]) <= EPS2 * Math.abs(d[m] * d[m - 1])) {
            break;
          }
        }
      }
      if (m > lend) {
        e[m - 1] = 0.0;
      }
      double p = d[l];
      if (m == l) {
        d[l] = p;
        l--;
        continue;
      }
      if (m == l - 1) {
        double[] r = eig2(d[l], Math.sqrt(e[l - 1]), d[l - 1]);
        d[l] = r[0];
        d[l - 1] = r[1];
        e[l - 1] = 0.0;
        l -= 2;
        continue;
      }
      if (jtot == nmaxit) {
        return jtot;
      }
      jtot++;
      double rte = Math.sqrt(e[l - 1]);
      double sigma = (d[l - 1] - p) / (2.0 * rte);
      double r = norm2(sigma, 1.0);
      sigma = p - (rte / (sigma + Math.copySign(r, sigma)));
      double c = 1.0;
      double s = 0.0;
      double gamma = d[m] - sigma;
      p = gamma * gamma;
      for (int i = m; i <= l - 1; i++) {
        double bb = e[i];
        r = p + bb;
        if (i != m) {
          e[i - 1] = s * r;
        }
        double oldc = c;
        c = p / r;
        s = bb / r;
        double oldgam = gamma;
        double alpha = d[i + 1];
        gamma = c * (alpha - sigma) - s * oldgam;
        d[i] = oldgam + (alpha - gamma);
        p = c != 0.0 ? (gamma * gamma) / c : oldc * bb;
      }
      e[l - 1] = s * p;
      d[l] = sigma + gamma;
    }
    return jtot;
  }

  @Override
  public void vectors(double[] d, double[] e, DMatrix z) {
    int n = d.length;
    requireShape(z, n, n);
    double[] zz = new double[n * n];
    for (int i = 0; i < n; i++) {
      zz[i + i * n] = 1.0;
    }
    iterate(d, e, n, zz, n);
    int[] perm = sortedOrder(d);
    MemorySegment s = z.segment();
    for (int j = 0; j < n; j++) {
      MemorySegment.copy(zz, perm[j] * n, s, JAVA_DOUBLE, z.index(0, j) * Double.BYTES, n);
    }
  }

  /** The same as {@link #vectors} but into a heap column-major array (n×n, leading dimension n). */
  void vectorsHeap(double[] d, double[] e, double[] zz) {
    int n = d.length;
    java.util.Arrays.fill(zz, 0, n * n, 0.0);
    for (int i = 0; i < n; i++) {
      zz[i + i * n] = 1.0;
    }
    iterate(d, e, n, zz, n);
    int[] perm = sortedOrder(d);
    double[] copy = java.util.Arrays.copyOf(zz, n * n);
    for (int j = 0; j < n; j++) {
      System.arraycopy(copy, perm[j] * n, zz, j * n, n);
    }
  }

  @Override
  public void projections(double[] d, double[] e, DMatrix c) {
    int n = d.length;
    requireShape(c, n, c.cols());
    int kc = c.cols();
    // Zᵀ C: rotating columns j, j+1 of Z rotates rows j, j+1 of C. Rows of C are kept contiguous
    // in a heap array (row-major) so a rotation touches 2k consecutive doubles.
    double[] rows = new double[n * kc];
    MemorySegment s = c.segment();
    for (int p = 0; p < kc; p++) {
      for (int i = 0; i < n; i++) {
        rows[i * kc + p] = s.getAtIndex(JAVA_DOUBLE, c.index(i, p));
      }
    }
    iterate(d, e, n, rows, -kc);
    int[] perm = sortedOrder(d);
    for (int p = 0; p < kc; p++) {
      for (int i = 0; i < n; i++) {
        s.setAtIndex(JAVA_DOUBLE, c.index(i, p), rows[perm[i] * kc + p]);
      }
    }
  }

  private static void requireShape(DMatrix m, int rows, int cols) {
    if (m.rows() != rows || m.cols() != cols) {
      throw new IllegalArgumentException("expected a " + rows + "x" + cols + " matrix, got " + m.rows() + "x" + m.cols());
    }
  }

  /** Sorts d ascending and returns perm with new d[j] = old d[perm[j]]. */
  static int[] sortedOrder(double[] d) {
    int n = d.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    double[] old = d.clone();
    java.util.Arrays.sort(idx, (x, y) -> Double.compare(old[x], old[y]));
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = idx[i];
      d[i] = old[idx[i]];
    }
    return perm;
  }

  /**
   * The dsteqr iteration on d[0:n), e[0:n−1). When {@code z != null} the rotations are accumulated:
   * {@code ld > 0}: z is column-major with n rows and leading dimension ld (columns rotated);
   * {@code ld < 0}: z is row-major with −ld columns, and rows are rotated (Zᵀ C).
   */
  static void iterate(double[] d, double[] e, int n, double[] z, int ld) {
    if (n <= 1) {
      return;
    }
    double[] wc = z == null ? null : new double[n];
    double[] ws = z == null ? null : new double[n];
    int nmaxit = n * MAX_SWEEPS_PER_VALUE;
    int jtot = 0;
    int l1 = 0;
    while (l1 < n) {
      int m = blockEnd(d, e, l1, n);
      int l = l1;
      int lend = m;
      l1 = m + 1;
      if (lend == l) {
        continue;
      }
      double anorm = maxNorm(d, e, l, lend);
      if (anorm == 0.0) {
        continue;
      }
      // scale the block to unit max norm by a power of two (exact): the convergence test
      // e² ≤ ε²|d_m||d_m+1| + safmin would otherwise deflate far too early on tiny blocks
      // (dsteqr scales blocks outside [ssfmin, ssfmax] for the same reason)
      int lsv = l;
      int lendsv = lend;
      int exp = -Math.getExponent(anorm);
      scaleBlock(d, e, lsv, lendsv, exp);
      if (Math.abs(d[lend]) < Math.abs(d[l])) {
        int t = lend;
        lend = l;
        l = t;
      }
      jtot = lend > l ? ql(d, e, l, lend, z, ld, n, wc, ws, jtot, nmaxit)
          : qr(d, e, l, lend, z, ld, n, wc, ws, jtot, nmaxit);
      scaleBlock(d, e, lsv, lendsv, -exp);
      if (jtot >= nmaxit) {
        int bad = 0;
        for (int i = 0; i < n - 1; i++) {
          if (e[i] != 0.0) {
            bad++;
          }
        }
        if (bad > 0) {
          throw new ArithmeticException("tridiagonal QL iteration did not converge: " + bad
              + " off-diagonal entries nonzero after " + nmaxit + " sweeps (n = " + n + ")");
        }
        return;
      }
    }
  }

  /** √(x² + y²): the plain formula inside dlartg's safe range, {@link Math#hypot} (slow) outside. */
  private static double norm2(double x, double y) {
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    double big = Math.max(ax, ay);
    double small = Math.min(ax, ay);
    if (big < RTMAX && small > RTMIN) {
      return Math.sqrt(x * x + y * y);
    }
    return Math.hypot(x, y);
  }

  private static void scaleBlock(double[] d, double[] e, int l, int lend, int exp) {
    if (exp == 0) {
      return;
    }
    for (int i = l; i <= lend; i++) {
      d[i] = Math.scalb(d[i], exp);
    }
    for (int i = l; i < lend; i++) {
      e[i] = Math.scalb(e[i], exp);
    }
  }

  private static double maxNorm(double[] d, double[] e, int l, int lend) {
    double a = 0;
    for (int i = l; i <= lend; i++) {
      a = Math.max(a, Math.abs(d[i]));
    }
    for (int i = l; i < lend; i++) {
      a = Math.max(a, Math.abs(e[i]));
    }
    return a;
  }

  /** QL iteration on the block l..lend (l &lt; lend). Returns the updated sweep count. */
  private static int ql(double[] d, double[] e, int l, int lend, double[] z, int ld, int n,
                        double[] wc, double[] ws, int jtot, int nmaxit) {
    while (l <= lend) {
      int m = l;
      if (l != lend) {
        for (; m < lend; m++) {
          double tst = e[m] * e[m];
          if (tst <= (EPS2 * Math.abs(d[m])) * Math.abs(d[m + 1]) + SAFMIN) {
            break;
          }
        }
      }
      if (m < lend) {
        e[m] = 0.0;
      }
      double p = d[l];
      if (m == l) {
        d[l] = p;
        l++;
        continue;
      }
      if (m == l + 1) {
        if (z != null) {
          double[] r = eig2(d[l], e[l], d[l + 1]);
          wc[l] = r[2];
          ws[l] = r[3];
          rotateBackward(z, ld, n, l, 2, wc, ws);
          d[l] = r[0];
          d[l + 1] = r[1];
        } else {
          double[] r = eig2(d[l], e[l], d[l + 1]);
          d[l] = r[0];
          d[l + 1] = r[1];
        }
        e[l] = 0.0;
        l += 2;
        continue;
      }
      if (jtot == nmaxit) {
        return jtot;
      }
      jtot++;
      double g = (d[l + 1] - p) / (2.0 * e[l]);
      double r = norm2(g, 1.0);
      g = d[m] - p + (e[l] / (g + Math.copySign(r, g)));
      double s = 1.0;
      double c = 1.0;
      p = 0.0;
      for (int i = m - 1; i >= l; i--) {
        double f = s * e[i];
        double b = c * e[i];
        // dlartg(g, f) → c, s, r
        if (f == 0.0) {
          c = 1.0;
          s = 0.0;
          r = g;
        } else if (g == 0.0) {
          c = 0.0;
          s = Math.copySign(1.0, f);
          r = Math.abs(f);
        } else {
          double h = norm2(g, f);
          c = Math.abs(g) / h;
          r = Math.copySign(h, g);
          s = f / r;
        }
        if (i != m - 1) {
          e[i + 1] = r;
        }
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2.0 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        if (z != null) {
          wc[i] = c;
          ws[i] = -s;
        }
      }
      if (z != null) {
        rotateBackward(z, ld, n, l, m - l + 1, wc, ws);
      }
      d[l] -= p;
      e[l] = g;
    }
    return jtot;
  }

  /** QR iteration on the block lend..l (l &gt; lend). */
  private static int qr(double[] d, double[] e, int l, int lend, double[] z, int ld, int n,
                        double[] wc, double[] ws, int jtot, int nmaxit) {
    while (l >= lend) {
      int m = l;
      if (l != lend) {
        for (; m > lend; m--) {
          double tst = e[m - 1] * e[m - 1];
          if (tst <= (EPS2 * Math.abs(d[m])) * Math.abs(d[m - 1]) + SAFMIN) {
            break;
          }
        }
      }
      if (m > lend) {
        e[m - 1] = 0.0;
      }
      double p = d[l];
      if (m == l) {
        d[l] = p;
        l--;
        continue;
      }
      if (m == l - 1) {
        double[] r = eig2(d[l - 1], e[l - 1], d[l]);
        if (z != null) {
          wc[m] = r[2];
          ws[m] = r[3];
          rotateForward(z, ld, n, l - 1, 2, wc, ws);
        }
        d[l - 1] = r[0];
        d[l] = r[1];
        e[l - 1] = 0.0;
        l -= 2;
        continue;
      }
      if (jtot == nmaxit) {
        return jtot;
      }
      jtot++;
      double g = (d[l - 1] - p) / (2.0 * e[l - 1]);
      double r = norm2(g, 1.0);
      g = d[m] - p + (e[l - 1] / (g + Math.copySign(r, g)));
      double s = 1.0;
      double c = 1.0;
      p = 0.0;
      for (int i = m; i <= l - 1; i++) {
        double f = s * e[i];
        double b = c * e[i];
        if (f == 0.0) {
          c = 1.0;
          s = 0.0;
          r = g;
        } else if (g == 0.0) {
          c = 0.0;
          s = Math.copySign(1.0, f);
          r = Math.abs(f);
        } else {
          double h = norm2(g, f);
          c = Math.abs(g) / h;
          r = Math.copySign(h, g);
          s = f / r;
        }
        if (i != m) {
          e[i - 1] = r;
        }
        g = d[i] - p;
        r = (d[i + 1] - g) * s + 2.0 * c * b;
        p = s * r;
        d[i] = g + p;
        g = c * r - b;
        if (z != null) {
          wc[i] = c;
          ws[i] = s;
        }
      }
      if (z != null) {
        rotateForward(z, ld, n, m, l - m + 1, wc, ws);
      }
      d[l] -= p;
      e[l - 1] = g;
    }
    return jtot;
  }

  /**
   * {@code dlaev2}: eigenvalues rt1 (larger in absolute value), rt2 of [[a, b], [b, c]] and the unit
   * eigenvector (cs1, sn1) of rt1; returns {rt1, rt2, cs1, sn1}.
   */
  static double[] eig2(double a, double b, double c) {
    double sm = a + c;
    double df = a - c;
    double adf = Math.abs(df);
    double tb = b + b;
    double ab = Math.abs(tb);
    double acmx;
    double acmn;
    if (Math.abs(a) > Math.abs(c)) {
      acmx = a;
      acmn = c;
    } else {
      acmx = c;
      acmn = a;
    }
    double rt;
    if (adf > ab) {
      double q = ab / adf;
      rt = adf * Math.sqrt(1.0 + q * q);
    } else if (adf < ab) {
      double q = adf / ab;
      rt = ab * Math.sqrt(1.0 + q * q);
    } else {
      rt = ab * Math.sqrt(2.0);
    }
    double rt1;
    double rt2;
    int sgn1;
    if (sm < 0.0) {
      rt1 = 0.5 * (sm - rt);
      sgn1 = -1;
      rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
    } else if (sm > 0.0) {
      rt1 = 0.5 * (sm + rt);
      sgn1 = 1;
      rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
    } else {
      rt1 = 0.5 * rt;
      rt2 = -0.5 * rt;
      sgn1 = 1;
    }
    int sgn2;
    double cs;
    if (df >= 0.0) {
      cs = df + rt;
      sgn2 = 1;
    } else {
      cs = df - rt;
      sgn2 = -1;
    }
    double cs1;
    double sn1;
    if (Math.abs(cs) > ab) {
      double ct = -tb / cs;
      sn1 = 1.0 / Math.sqrt(1.0 + ct * ct);
      cs1 = ct * sn1;
    } else if (ab == 0.0) {
      cs1 = 1.0;
      sn1 = 0.0;
    } else {
      double tn = -cs / tb;
      cs1 = 1.0 / Math.sqrt(1.0 + tn * tn);
      sn1 = tn * cs1;
    }
    if (sgn1 == sgn2) {
      double tn = cs1;
      cs1 = -sn1;
      sn1 = tn;
    }
    return new double[] {rt1, rt2, cs1, sn1};
  }

  /**
   * {@code dlasr('R','V','B')} on columns j0..j0+cnt−1 of Z: for j = cnt−2 down to 0, with
   * (c, s) = (wc[j0+j], ws[j0+j]): z_{j+1} ← c z_{j+1} − s z_j, z_j ← s z_{j+1} + c z_j.
   */
  private static void rotateBackward(double[] z, int ld, int n, int j0, int cnt, double[] wc, double[] ws) {
    for (int j = cnt - 2; j >= 0; j--) {
      double c = wc[j0 + j];
      double s = ws[j0 + j];
      if (c != 1.0 || s != 0.0) {
        rotate(z, ld, n, j0 + j, c, s);
      }
    }
  }

  /** {@code dlasr('R','V','F')}: the same for j = 0 up to cnt−2. */
  private static void rotateForward(double[] z, int ld, int n, int j0, int cnt, double[] wc, double[] ws) {
    for (int j = 0; j < cnt - 1; j++) {
      double c = wc[j0 + j];
      double s = ws[j0 + j];
      if (c != 1.0 || s != 0.0) {
        rotate(z, ld, n, j0 + j, c, s);
      }
    }
  }

  /** Rotates columns (ld &gt; 0) or rows (ld &lt; 0) j and j+1 of z. */
  private static void rotate(double[] z, int ld, int n, int j, double c, double s) {
    if (ld > 0) {
      int a = j * ld;
      int b = a + ld;
      for (int i = 0; i < n; i++) {
        double t = z[b + i];
        double zj = z[a + i];
        z[b + i] = c * t - s * zj;
        z[a + i] = s * t + c * zj;
      }
    } else {
      int k = -ld;
      int a = j * k;
      int b = a + k;
      for (int i = 0; i < k; i++) {
        double t = z[b + i];
        double zj = z[a + i];
        z[b + i] = c * t - s * zj;
        z[a + i] = s * t + c * zj;
      }
    }
  }
}
