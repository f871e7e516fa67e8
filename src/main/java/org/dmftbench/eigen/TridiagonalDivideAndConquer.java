package org.dmftbench.eigen;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.dmftbench.Tolerances;
import org.dmftbench.Tuning;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.linalg.DMatrix;

/**
 * Cuppen's divide and conquer for the symmetric tridiagonal eigenproblem, as in LAPACK
 * {@code dstedc}/{@code dlaed0}–{@code dlaed4} (Cuppen, "A divide and conquer method for the
 * symmetric tridiagonal eigenproblem", Numer. Math. 36, 1981; Gu &amp; Eisenstat, "A divide-and-conquer
 * algorithm for the symmetric tridiagonal eigenproblem", SIAM J. Matrix Anal. Appl. 16, 1995;
 * Golub &amp; Van Loan, 4th ed., §8.4.4).
 *
 * <p>T is torn at its middle sub-diagonal entry β: T = diag(T₁ − |β| e eᵀ, T₂ − |β| e eᵀ) + |β| v vᵀ
 * with v = e_{m−1} + sign(β) e_m. With T_i = Q_i D_i Q_iᵀ solved recursively (by {@link TridiagonalQL}
 * below {@link Tuning#EIGEN_DC_LEAF_SIZE}), T = Q (D + ρ z zᵀ) Qᵀ with z = Qᵀ v/√2, ρ = 2|β|.
 * The rank-one update is solved by
 * <ol>
 *   <li>deflation ({@code dlaed2}): components with ρ|z_j| ≤ 8ε max(|D|, |z|) are eigenpairs as they
 *       stand; pairs of poles closer than that (after a Givens rotation that zeroes one z_j) too;</li>
 *   <li>the secular equation 1/ρ + Σ z_j²/(d_j − λ) = 0 for each remaining root, in the
 *       variable τ = λ − d_origin measured from the nearer pole so that d_j − λ = (d_j − d_origin) − τ
 *       is computed without cancellation ({@code dlaed4}); each step solves the "middle way" rational
 *       model that matches the two sums on either side of the root in value and slope (Li, "Solving
 *       secular equations stably and efficiently", LAPACK Working Note 89), safeguarded by
 *       bisection on a bracket;</li>
 *   <li>the Gu–Eisenstat recomputation ẑ_i² = Π_j (d_i − λ_j) / Π_{j≠i} (d_i − d_j), so that the
 *       computed roots are exact eigenvalues of a nearby update and the eigenvectors
 *       u_j = (ẑ_i / (d_i − λ_j))_i / ‖·‖ are orthogonal to working precision ({@code dlaed3});</li>
 *   <li>the new eigenvectors Q·U by two gemm calls, one per half of the rows, each over only the
 *       columns of Q that are nonzero there ({@code dlaed3}'s use of {@code dlaed2}'s column
 *       types): about n k² flops instead of 2n k², k the number of non-deflated roots.</li>
 * </ol>
 * T is scaled by a power of two to unit max norm before the recursion ({@code dstedc} does the same).
 * Values only are delegated to {@link TridiagonalQL} (as {@code dstedc} delegates to {@code dsterf}).
 */
public final class TridiagonalDivideAndConquer implements TridiagonalEigenSolver {

  private static final double EPS = Tolerances.U;
  private static final int MAX_SECULAR_ITERATIONS = 200;

  private final DenseKernels k;
  private final int leaf;
  private final TridiagonalQL ql = new TridiagonalQL();

  /** Divide and conquer on the given kernels with the leaf size of {@link Tuning#EIGEN_DC_LEAF_SIZE}. */
  public TridiagonalDivideAndConquer(DenseKernels kernels) {
    this(kernels, Tuning.EIGEN_DC_LEAF_SIZE);
  }

  /**
   * Divide and conquer with an explicit leaf size ≥ 2 (tests use small leaves to exercise the
   * merges). One thread: splitting each merge's two half-products over two threads ran slower, the
   * rest of the merge running twice as slow on the shared memory the threads need (see
   * {@link HouseholderEigenSolver}).
   */
  public TridiagonalDivideAndConquer(DenseKernels kernels, int leafSize) {
    if (leafSize < 2) {
      throw new IllegalArgumentException("leaf size must be >= 2, got " + leafSize);
    }
    this.k = kernels;
    this.leaf = leafSize;
  }

  @Override
  public String name() {
    return "dc";
  }

  @Override
  public void values(double[] d, double[] e) {
    ql.values(d, e);
  }

  @Override
  public void vectors(double[] d, double[] e, DMatrix z) {
    int n = d.length;
    if (z.rows() != n || z.cols() != n) {
      throw new IllegalArgumentException("expected a " + n + "x" + n + " matrix, got " + z.rows() + "x" + z.cols());
    }
    if (n <= leaf) {
      ql.vectors(d, e, z);
      return;
    }
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(d[i]));
    }
    for (int i = 0; i < n - 1; i++) {
      max = Math.max(max, Math.abs(e[i]));
    }
    MemorySegment zs = z.segment();
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        zs.setAtIndex(JAVA_DOUBLE, z.index(i, j), 0.0);
      }
    }
    if (max == 0.0) {
      for (int i = 0; i < n; i++) {
        zs.setAtIndex(JAVA_DOUBLE, z.index(i, i), 1.0);
      }
      return;
    }
    int exp = -Math.getExponent(max);
    for (int i = 0; i < n; i++) {
      d[i] = Math.scalb(d[i], exp);
    }
    for (int i = 0; i < n - 1; i++) {
      e[i] = Math.scalb(e[i], exp);
    }
    try (Arena arena = Arena.ofConfined()) {
      Workspace ws = new Workspace(arena, n);
      solve(d, e, 0, n, z, ws);
    }
    for (int i = 0; i < n; i++) {
      d[i] = Math.scalb(d[i], -exp);
    }
  }

  @Override
  public void projections(double[] d, double[] e, DMatrix c) {
    int n = d.length;
    if (c.rows() != n) {
      throw new IllegalArgumentException("C must have " + n + " rows, has " + c.rows());
    }
    try (Arena arena = Arena.ofConfined()) {
      DMatrix z = DMatrix.allocate(arena, n, n);
      vectors(d, e, z);
      DMatrix t = DMatrix.allocate(arena, n, c.cols());
      k.gemm(true, false, n, c.cols(), n, 1.0, z.segment(), z.offset(), z.ld(), c.segment(), c.offset(), c.ld(),
          0.0, t.segment(), t.offset(), t.ld());
      c.copyFrom(t);
    }
  }

  /** Scratch shared by all merges (sized for the top one). */
  private static final class Workspace {
    final DMatrix g;
    final DMatrix u;
    final DMatrix out;

    Workspace(Arena arena, int n) {
      g = DMatrix.allocate(arena, n, n);
      u = DMatrix.allocate(arena, n, n);
      out = DMatrix.allocate(arena, n, n);
    }
  }

  /** Eigen-decomposition of T[lo:lo+n) into the diagonal block z[lo:lo+n, lo:lo+n) (zero elsewhere). */
  private void solve(double[] d, double[] e, int lo, int n, DMatrix z, Workspace ws) {
    if (n <= leaf) {
      double[] dd = new double[n];
      double[] ee = new double[Math.max(n, 1)];
      System.arraycopy(d, lo, dd, 0, n);
      System.arraycopy(e, lo, ee, 0, n - 1);
      double[] zz = new double[n * n];
      ql.vectorsHeap(dd, ee, zz);
      System.arraycopy(dd, 0, d, lo, n);
      MemorySegment s = z.segment();
      for (int j = 0; j < n; j++) {
        MemorySegment.copy(zz, j * n, s, JAVA_DOUBLE, z.index(lo, lo + j) * Double.BYTES, n);
      }
      return;
    }
    int m = n / 2;
    double beta = e[lo + m - 1];
    d[lo + m - 1] -= Math.abs(beta);
    d[lo + m] -= Math.abs(beta);
    solve(d, e, lo, m, z, ws);
    solve(d, e, lo + m, n - m, z, ws);
    merge(d, lo, n, m, beta, z, ws);
  }

  /**
   * Merges the two solved halves of the block at lo (sizes m and n − m) across the torn entry β
   * ({@code dlaed1}: {@code dlaed2} deflation, {@code dlaed4} roots, {@code dlaed3} vectors).
   */
  private void merge(double[] d, int lo, int n, int m, double beta, DMatrix z, Workspace ws) {
    MemorySegment zs = z.segment();
    // z vector: last row of Q1, sign(β)·first row of Q2, normalized by 1/√2; ρ = 2|β|
    double[] zv = new double[n];
    double inv = 1.0 / Math.sqrt(2.0);
    for (int j = 0; j < m; j++) {
      zv[j] = zs.getAtIndex(JAVA_DOUBLE, z.index(lo + m - 1, lo + j)) * inv;
    }
    double sg = beta < 0 ? -inv : inv;
    for (int j = m; j < n; j++) {
      zv[j] = zs.getAtIndex(JAVA_DOUBLE, z.index(lo + m, lo + j)) * sg;
    }
    double rho = 2.0 * Math.abs(beta);
    // sorted order of the poles: merge the two ascending halves
    int[] order = new int[n];
    int a = 0;
    int b = m;
    for (int t = 0; t < n; t++) {
      if (b >= n || (a < m && d[lo + a] <= d[lo + b])) {
        order[t] = a++;
      } else {
        order[t] = b++;
      }
    }
    double[] dl = new double[n];
    double[] zl = new double[n];
    for (int t = 0; t < n; t++) {
      dl[t] = d[lo + order[t]];
      zl[t] = zv[order[t]];
    }
    // deflation
    double dmax = Math.max(Math.abs(dl[0]), Math.abs(dl[n - 1]));
    double zmax = 0;
    for (int t = 0; t < n; t++) {
      zmax = Math.max(zmax, Math.abs(zl[t]));
    }
    double tol = 8.0 * EPS * Math.max(dmax, zmax);
    boolean[] deflated = new boolean[n];
    // column structure (dlaed2's four types): 0 = rows of the first half only, 2 = second half
    // only, 1 = both (mixed by a deflating rotation); the final gemm skips the zero blocks
    int[] type = new int[n];
    for (int t = 0; t < n; t++) {
      type[t] = order[t] < m ? 0 : 2;
    }
    int pj = -1;
    for (int t = 0; t < n; t++) {
      if (rho * Math.abs(zl[t]) <= tol) {
        deflated[t] = true;
        continue;
      }
      if (pj >= 0) {
        double s = zl[pj];
        double c = zl[t];
        double tau = Math.hypot(c, s);
        double gap = dl[t] - dl[pj];
        c /= tau;
        s = -s / tau;
        if (Math.abs(gap * c * s) <= tol) {
          // rotate columns pj and t of Q so that z[pj] = 0: pj deflates
          zl[t] = tau;
          zl[pj] = 0.0;
          rotateColumns(z, lo, n, lo + order[pj], lo + order[t], c, s);
          if (type[pj] != type[t]) {
            type[t] = 1;
          }
          double dp = dl[pj] * c * c + dl[t] * s * s;
          dl[t] = dl[pj] * s * s + dl[t] * c * c;
          dl[pj] = dp;
          deflated[pj] = true;
        }
      }
      pj = t;
    }
    int kk = 0;
    for (int t = 0; t < n; t++) {
      if (!deflated[t]) {
        kk++;
      }
    }
    int[] live = new int[kk];
    int[] dead = new int[n - kk];
    for (int t = 0, p = 0, q = 0; t < n; t++) {
      if (deflated[t]) {
        dead[q++] = t;
      } else {
        live[p++] = t;
      }
    }
    double[] lam = new double[n];
    DMatrix out = ws.out.view(0, 0, n, n);
    MemorySegment os = out.segment();
    if (kk > 0) {
      double[] dk = new double[kk];
      double[] zk = new double[kk];
      for (int p = 0; p < kk; p++) {
        dk[p] = dl[live[p]];
        zk[p] = zl[live[p]];
      }
      int[] orig = new int[kk];
      double[] tau = new double[kk];
      double[] z2 = new double[kk];
      for (int p = 0; p < kk; p++) {
        z2[p] = zk[p] * zk[p];
      }
      for (int j = 0; j < kk; j++) {
        secularRoot(j, kk, dk, z2, rho, orig, tau);
        lam[j] = dk[orig[j]] + tau[j];
      }
      // group the live columns by type: G = [type 0 | type 1 | type 2], U's rows permuted alike
      int[] count = new int[3];
      for (int p = 0; p < kk; p++) {
        count[type[live[p]]]++;
      }
      int[] next = {0, count[0], count[0] + count[1]};
      int[] slot = new int[kk];
      for (int p = 0; p < kk; p++) {
        slot[p] = next[type[live[p]]]++;
      }
      DMatrix u2 = ws.u.view(0, 0, kk, kk);
      rankOneVectors(dk, zk, orig, tau, slot, u2);
      DMatrix g = ws.g.view(0, 0, n, kk);
      MemorySegment gs = g.segment();
      MemorySegment u2s = u2.segment();
      for (int p = 0; p < kk; p++) {
        MemorySegment.copy(zs, z.index(lo, lo + order[live[p]]) * Double.BYTES, gs, g.index(0, slot[p]) * Double.BYTES,
            (long) n * Double.BYTES);
      }
      int topCols = count[0] + count[1];
      int botFirst = count[0];
      int botCols = count[1] + count[2];
      // rows of the first half: columns of types 0 and 1; rows of the second half: types 1 and 2
      k.gemm(false, false, m, kk, topCols, 1.0, gs, g.offset(), g.ld(), u2s, u2.offset(),
          u2.ld(), 0.0, os, out.offset(), out.ld());
      k.gemm(false, false, n - m, kk, botCols, 1.0, gs, g.index(m, botFirst), g.ld(), u2s,
          u2.index(botFirst, 0), u2.ld(), 0.0, os, out.index(m, 0), out.ld());
    }
    for (int q = 0; q < n - kk; q++) {
      lam[kk + q] = dl[dead[q]];
      MemorySegment.copy(zs, z.index(lo, lo + order[dead[q]]) * Double.BYTES, os, out.index(0, kk + q) * Double.BYTES,
          (long) n * Double.BYTES);
    }
    int[] perm = TridiagonalQL.sortedOrder(lam);
    for (int j = 0; j < n; j++) {
      d[lo + j] = lam[j];
      MemorySegment.copy(os, out.index(0, perm[j]) * Double.BYTES, zs, z.index(lo, lo + j) * Double.BYTES,
          (long) n * Double.BYTES);
    }
  }

  /** Columns x ← c x + s y, y ← c y − s x over rows lo..lo+n ({@code drot}). */
  private static void rotateColumns(DMatrix z, int lo, int n, int cx, int cy, double c, double s) {
    MemorySegment zs = z.segment();
    long x = z.index(lo, cx);
    long y = z.index(lo, cy);
    for (int i = 0; i < n; i++) {
      double xi = zs.getAtIndex(JAVA_DOUBLE, x + i);
      double yi = zs.getAtIndex(JAVA_DOUBLE, y + i);
      zs.setAtIndex(JAVA_DOUBLE, x + i, c * xi + s * yi);
      zs.setAtIndex(JAVA_DOUBLE, y + i, c * yi - s * xi);
    }
  }

  /**
   * Eigenvectors of D + ρ z zᵀ from its computed roots λ_j = d[orig[j]] + tau[j] (Gu–Eisenstat):
   * ẑ_i² = −Π_j (d_i − λ_j) / Π_{j≠i} (d_i − d_j), u(slot[i], j) = ẑ_i / (d_i − λ_j), columns normalized.
   */
  private static void rankOneVectors(double[] dk, double[] zk, int[] orig, double[] tau, int[] slot, DMatrix u) {
    int kk = dk.length;
    MemorySegment us = u.segment();
    if (kk == 1) {
      us.setAtIndex(JAVA_DOUBLE, u.index(0, 0), 1.0);
      return;
    }
    double[] w = new double[kk];
    double[] delta = new double[kk];
    for (int i = 0; i < kk; i++) {
      w[i] = (dk[i] - dk[orig[i]]) - tau[i];
    }
    for (int j = 0; j < kk; j++) {
      double dj = dk[orig[j]];
      double tj = tau[j];
      for (int i = 0; i < kk; i++) {
        if (i != j) {
          w[i] *= ((dk[i] - dj) - tj) / (dk[i] - dk[j]);
        }
      }
    }
    for (int i = 0; i < kk; i++) {
      w[i] = Math.copySign(Math.sqrt(Math.abs(w[i])), zk[i]);
    }
    for (int j = 0; j < kk; j++) {
      double dj = dk[orig[j]];
      double tj = tau[j];
      double ss = 0;
      for (int i = 0; i < kk; i++) {
        delta[i] = w[i] / ((dk[i] - dj) - tj);
        ss += delta[i] * delta[i];
      }
      double inv = 1.0 / Math.sqrt(ss);
      long col = u.index(0, j);
      for (int i = 0; i < kk; i++) {
        us.setAtIndex(JAVA_DOUBLE, col + slot[i], delta[i] * inv);
      }
    }
  }

  /**
   * Root j (0-based, ascending) of 1/ρ + Σ_i z2_i / (d_i − λ) = 0 for strictly increasing d and
   * z2 &gt; 0, ρ &gt; 0. On return λ_j = d[orig[j]] + tau[j] with the origin the nearer pole.
   */
  static void secularRoot(int j, int kk, double[] d, double[] z2, double rho, int[] orig, double[] tau) {
    double rhoinv = 1.0 / rho;
    if (kk == 1) {
      orig[0] = 0;
      tau[0] = rho * z2[0];
      return;
    }
    int o;
    double lo;
    double hi;
    if (j < kk - 1) {
      double gap = d[j + 1] - d[j];
      double mid = 0.5 * gap;
      double f = rhoinv;
      for (int i = 0; i < kk; i++) {
        f += z2[i] / ((d[i] - d[j]) - mid);
      }
      if (f >= 0) {
        o = j;
        lo = 0;
        hi = mid;
      } else {
        o = j + 1;
        lo = -mid;
        hi = 0;
      }
    } else {
      o = j;
      lo = 0;
      double sz = 0;
      for (int i = 0; i < kk; i++) {
        sz += z2[i];
      }
      hi = rho * sz * (1 + 4 * EPS) + Double.MIN_NORMAL;
    }
    double t = 0.5 * (lo + hi);
    double dO = d[o];
    boolean interior = j < kk - 1;
    // left pole index p1 and right pole index p2 of the rational model
    int p1 = interior ? j : j - 1;
    int p2 = interior ? j + 1 : j;
    double gapModel = d[p2] - d[p1];
    for (int it = 0; it < MAX_SECULAR_ITERATIONS; it++) {
      double psi = 0;
      double dpsi = 0;
      double phi = 0;
      double dphi = 0;
      double abssum = 0;
      for (int i = 0; i <= p1; i++) {
        double del = (d[i] - dO) - t;
        double q = z2[i] / del;
        psi += q;
        dpsi += q / del;
        abssum += Math.abs(q);
      }
      for (int i = p1 + 1; i < kk; i++) {
        double del = (d[i] - dO) - t;
        double q = z2[i] / del;
        phi += q;
        dphi += q / del;
        abssum += Math.abs(q);
      }
      double w = rhoinv + psi + phi;
      double erretm = 8.0 * abssum + 2.0 * rhoinv + Math.abs(t) * (dpsi + dphi);
      if (Math.abs(w) <= EPS * erretm) {
        break;
      }
      if (w < 0) {
        lo = Math.max(lo, t);
      } else {
        hi = Math.min(hi, t);
      }
      // middle-way model: psi ≈ a + b/δ₁, phi ≈ c + e/δ₂ with δ = pole − λ, matched in value and slope
      double del1 = (d[p1] - dO) - t;
      double del2 = (d[p2] - dO) - t;
      double b = dpsi * del1 * del1;
      double e = dphi * del2 * del2;
      double cc = rhoinv + (psi - b / del1) + (phi - e / del2);
      double next;
      if (o == p1) {
        // x = δ₁ − η: cc x² + (cc·gap + b + e) x + b·gap = 0, x in (−gap, 0)
        double x = quadraticRoot(cc, cc * gapModel + b + e, b * gapModel, -gapModel, 0.0);
        next = t + (del1 - x);
      } else {
        // y = δ₂ − η: cc y² + (b + e − cc·gap) y − e·gap = 0, y in (0, gap) (interior) or y < 0 (last root)
        double y = interior ? quadraticRoot(cc, b + e - cc * gapModel, -e * gapModel, 0.0, gapModel)
            : quadraticRoot(cc, b + e - cc * gapModel, -e * gapModel, Double.NEGATIVE_INFINITY, 0.0);
        next = t + (del2 - y);
      }
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      if (next == t || hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) {
        t = next;
        break;
      }
      t = next;
      if (it == MAX_SECULAR_ITERATIONS - 1) {
        throw new ArithmeticException("secular equation did not converge for root " + j + " of " + kk);
      }
    }
    orig[j] = o;
    tau[j] = t;
  }

  /** The root of a t² + b t + c = 0 strictly inside (lo, hi), or NaN when none is (rounding). */
  private static double quadraticRoot(double a, double b, double c, double lo, double hi) {
    double r1;
    double r2;
    if (a == 0.0) {
      r1 = -c / b;
      r2 = r1;
    } else {
      double disc = b * b - 4.0 * a * c;
      if (disc < 0) {
        disc = 0;
      }
      double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
      r1 = q / a;
      r2 = q != 0.0 ? c / q : r1;
    }
    if (r1 > lo && r1 < hi) {
      return r1;
    }
    if (r2 > lo && r2 < hi) {
      return r2;
    }
    return Double.NaN;
  }
}
