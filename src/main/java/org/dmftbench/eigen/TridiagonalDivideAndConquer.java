package org.dmftbench.eigen;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
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
 * The recursion first builds the tree of merges ({@link #factor}): each merge stores its rotations,
 * permutations and U, and the first and last rows of each solved block are carried up as vectors, so
 * that step 4 can be deferred. {@link #vectors} then forms Z merge by merge as above;
 * {@link #projections} and the {@link TridiagonalEigenvectors} of {@link #factor} apply the tree to
 * the given columns instead, about 4n² flops per column against ~(4/3)n³ for Z.
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
    try (Arena arena = Arena.ofConfined()) {
      factor(d, e, arena).toExplicit(z);
    }
  }

  /**
   * d ← eigenvalues; C ← Zᵀ C carried up the merge tree as it is built
   * ({@link #factor(double[], double[], Arena, DMatrix)}), Z never formed.
   */
  @Override
  public void projections(double[] d, double[] e, DMatrix c) {
    int n = d.length;
    if (c.rows() != n) {
      throw new IllegalArgumentException("C must have " + n + " rows, has " + c.rows());
    }
    try (Arena arena = Arena.ofConfined()) {
      factor(d, e, arena, c);
    }
  }

  /**
   * d ← the eigenvalues of T ascending ({@code e} is destroyed), and the eigenvectors Z kept as the
   * tree of merges that divide and conquer builds: each merge is Z = diag(Z₁, Z₂)·G·M with G its
   * deflating rotations and M its rank-one eigenvector matrix (k×k for k non-deflated roots, stored)
   * plus the deflated columns, so Z·X costs about 2n²·cols per tree level pair instead of the
   * ~(4/3)n³ of forming Z. Each merge needs only the last row of Z₁ and the first row of Z₂, which
   * the tree carries up as row vectors (the idea of LAPACK {@code dlaeda}, which rebuilds them from
   * stored rotations). The stored matrices take at most 2n² doubles, allocated in {@code arena}.
   */
  public TridiagonalEigenvectors factor(double[] d, double[] e, Arena arena) {
    return factor(d, e, arena, null);
  }

  /**
   * As {@link #factor(double[], double[], Arena)}, and also C ← ZᵀC for an n×k matrix C (or none
   * when null) during the build: C's columns ride up the tree with the rows each merge needs, and
   * each merge multiplies them by column j of its U right after forming it, so Zᵀ costs no second
   * pass over the stored matrices (the projections VᵀB = Zᵀ(QᵀB) of a draw).
   */
  public TridiagonalEigenvectors factor(double[] d, double[] e, Arena arena, DMatrix c) {
    int n = d.length;
    if (c != null && c.rows() != n) {
      throw new IllegalArgumentException("expected " + n + " rows, got " + c.rows());
    }
    if (n == 0) {
      return new Tree(k, new Leaf(0, 0, null));
    }
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.abs(d[i]));
    }
    for (int i = 0; i < n - 1; i++) {
      max = Math.max(max, Math.abs(e[i]));
    }
    if (max == 0.0) {
      return new Tree(k, new Leaf(0, n, null));
    }
    int exp = -Math.getExponent(max);
    for (int i = 0; i < n; i++) {
      d[i] = Math.scalb(d[i], exp);
    }
    for (int i = 0; i < n - 1; i++) {
      e[i] = Math.scalb(e[i], exp);
    }
    Node root;
    try (Arena scratch = Arena.ofConfined()) {
      Rows rows = new Rows(scratch, n, c == null ? 0 : c.cols());
      if (c != null) {
        rows.carriedColumns().copyFrom(c);
      }
      root = build(d, e, 0, n, arena, rows);
      if (c != null) {
        c.copyFrom(rows.carriedColumns());
      }
    }
    for (int i = 0; i < n; i++) {
      d[i] = Math.scalb(d[i], -exp);
    }
    return new Tree(k, root);
  }

  /**
   * The first and last eigenvector rows of the solved blocks as the two columns of an n×2 matrix
   * (row lo + j: column j of the block at lo), with scratch for carrying them through a merge.
   */
  private static final class Rows {
    static final int FIRST = 0;
    static final int LAST = 1;
    /** The first carried column of C (Zᵀ C formed during the build). */
    static final int CARRIED = 2;
    final DMatrix rows;
    final StepScratch step;
    final int carried;

    Rows(Arena scratch, int n, int carried) {
      this.carried = carried;
      rows = DMatrix.allocate(scratch, n, CARRIED + carried);
      step = new StepScratch(scratch, n, CARRIED + carried);
    }

    DMatrix carriedColumns() {
      return rows.view(0, CARRIED, rows.rows(), carried);
    }
  }

  /**
   * Scratch of a merge step on {@code cols} columns: w and y hold the columns the gemm reads and
   * writes; the permutations and rotations run on heap copies of one column at a time (a, b, c),
   * moved in and out of the segments in bulk, since element-wise indirect access to a segment costs
   * several times an array's.
   */
  private static final class StepScratch {
    final DMatrix w;
    final DMatrix y;
    final double[] a;
    final double[] b;
    final double[] c;

    StepScratch(Arena scratch, int n, int cols) {
      w = DMatrix.allocate(scratch, n, cols);
      y = DMatrix.allocate(scratch, n, cols);
      a = new double[n];
      b = new double[n];
      c = new double[n];
    }
  }

  /** A solved block T[lo:lo+n) of the tree. */
  private abstract static sealed class Node permits Leaf, Merge {
    final int lo;
    final int n;

    Node(int lo, int n) {
      this.lo = lo;
      this.n = n;
    }
  }

  /** A block solved by QL: its n×n eigenvectors, or the identity when {@code z} is null. */
  private static final class Leaf extends Node {
    final DMatrix z;

    Leaf(int lo, int n, DMatrix z) {
      super(lo, n);
      this.z = z;
    }
  }

  /**
   * A merge of two solved halves (sizes m and n − m): Z = diag(Z₁, Z₂)·G·M·Π. G is the sequence
   * of deflating rotations of local columns (rotX[r], rotY[r]) by (c, s); M sends the live column
   * order[live[p]] to Σ_j U(slot[p], j) e_j (j &lt; k) and the deflated column order[dead[q]] to e_{k+q};
   * Π sorts the new eigenvalues (column j of Z is column perm[j] of the product). {@code count}
   * holds the numbers of live columns whose rows lie in the first half only, in both (rotated across
   * the halves), and in the second half only; U's rows are grouped by that type ({@code slot}).
   */
  private static final class Merge extends Node {
    final int m;
    final Node left;
    final Node right;
    final int[] rotX;
    final int[] rotY;
    final double[] rotC;
    final double[] rotS;
    final int[] order;
    final int[] live;
    final int[] dead;
    final int[] slot;
    final int[] perm;
    final int[] count;
    final DMatrix u;

    Merge(int lo, int n, int m, Node left, Node right, int[] rotX, int[] rotY, double[] rotC, double[] rotS,
          int[] order, int[] live, int[] dead, int[] slot, int[] perm, int[] count, DMatrix u) {
      super(lo, n);
      this.m = m;
      this.left = left;
      this.right = right;
      this.rotX = rotX;
      this.rotY = rotY;
      this.rotC = rotC;
      this.rotS = rotS;
      this.order = order;
      this.live = live;
      this.dead = dead;
      this.slot = slot;
      this.perm = perm;
      this.count = count;
      this.u = u;
    }
  }

  /** Solves T[lo:lo+n) into a node, leaving its first and last eigenvector rows in {@code rows}. */
  private Node build(double[] d, double[] e, int lo, int n, Arena arena, Rows rows) {
    if (n <= leaf) {
      double[] dd = new double[n];
      double[] ee = new double[Math.max(n, 1)];
      System.arraycopy(d, lo, dd, 0, n);
      System.arraycopy(e, lo, ee, 0, n - 1);
      double[] zz = new double[n * n];
      ql.vectorsHeap(dd, ee, zz);
      System.arraycopy(dd, 0, d, lo, n);
      DMatrix z = DMatrix.allocate(arena, n, n);
      for (int j = 0; j < n; j++) {
        MemorySegment.copy(zz, j * n, z.segment(), JAVA_DOUBLE, z.index(0, j) * Double.BYTES, n);
        rows.rows.set(lo + j, Rows.FIRST, zz[j * n]);
        rows.rows.set(lo + j, Rows.LAST, zz[j * n + n - 1]);
      }
      Leaf leafNode = new Leaf(lo, n, z);
      if (rows.carried > 0) {
        leafProduct(k, leafNode, true, rows.carriedColumns(), rows.step.y);
      }
      return leafNode;
    }
    int m = n / 2;
    double beta = e[lo + m - 1];
    d[lo + m - 1] -= Math.abs(beta);
    d[lo + m] -= Math.abs(beta);
    Node left = build(d, e, lo, m, arena, rows);
    Node right = build(d, e, lo + m, n - m, arena, rows);
    return merge(d, lo, n, m, beta, left, right, arena, rows);
  }

  /**
   * Merges the two solved halves of the block at lo (sizes m and n − m) across the torn entry β
   * ({@code dlaed1}: {@code dlaed2} deflation, {@code dlaed4} roots, {@code dlaed3} vectors), and
   * carries the block's first and last eigenvector rows up.
   */
  private Merge merge(double[] d, int lo, int n, int m, double beta, Node left, Node right, Arena arena, Rows rows) {
    // z vector: last row of Z₁, sign(β)·first row of Z₂, normalized by 1/√2; ρ = 2|β|
    double[] zv = new double[n];
    double inv = 1.0 / Math.sqrt(2.0);
    double sg = beta < 0 ? -inv : inv;
    // then rows becomes the first and last rows of diag(Z₁, Z₂): [first row of Z₁, 0] and [0, last row of Z₂]
    DMatrix r = rows.rows;
    for (int j = 0; j < m; j++) {
      zv[j] = r.get(lo + j, Rows.LAST) * inv;
      r.set(lo + j, Rows.LAST, 0.0);
    }
    for (int j = m; j < n; j++) {
      zv[j] = r.get(lo + j, Rows.FIRST) * sg;
      r.set(lo + j, Rows.FIRST, 0.0);
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
    // only, 1 = both (mixed by a deflating rotation); the explicit product skips the zero blocks
    int[] type = new int[n];
    for (int t = 0; t < n; t++) {
      type[t] = order[t] < m ? 0 : 2;
    }
    int nrot = 0;
    int[] rotX = new int[n];
    int[] rotY = new int[n];
    double[] rotC = new double[n];
    double[] rotS = new double[n];
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
          // rotate columns pj and t so that z[pj] = 0: pj deflates
          zl[t] = tau;
          zl[pj] = 0.0;
          int x = order[pj];
          int y = order[t];
          rotX[nrot] = x;
          rotY[nrot] = y;
          rotC[nrot] = c;
          rotS[nrot] = s;
          nrot++;
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
        dead[q++] = order[t];
      } else {
        live[p++] = order[t];
      }
    }
    double[] lam = new double[n];
    int[] count = new int[3];
    int[] slot = new int[kk];
    DMatrix u = null;
    double[] dk = new double[kk];
    double[] zk = new double[kk];
    int[] orig = new int[kk];
    double[] tau = new double[kk];
    if (kk > 0) {
      for (int t = 0, p = 0; t < n; t++) {
        if (!deflated[t]) {
          dk[p] = dl[t];
          zk[p] = zl[t];
          count[type[t]]++;
          p++;
        }
      }
      double[] diff = new double[kk];
      for (int j = 0; j < kk; j++) {
        secularRoot(k, j, kk, dk, zk, rho, orig, tau, diff);
        lam[j] = dk[orig[j]] + tau[j];
      }
      // U's rows grouped by column type: [type 0 | type 1 | type 2]
      int[] next = {0, count[0], count[0] + count[1]};
      for (int t = 0, p = 0; t < n; t++) {
        if (!deflated[t]) {
          slot[p++] = next[type[t]]++;
        }
      }
      u = DMatrix.allocateUninitialized(arena, kk, kk); // every column written by rankOneVectors
    }
    for (int t = 0, q = 0; t < n; t++) {
      if (deflated[t]) {
        lam[kk + q++] = dl[t];
      }
    }
    int[] perm = TridiagonalQL.sortedOrder(lam);
    System.arraycopy(lam, 0, d, lo, n);
    Merge node = new Merge(lo, n, m, left, right, Arrays.copyOf(rotX, nrot), Arrays.copyOf(rotY, nrot),
        Arrays.copyOf(rotC, nrot), Arrays.copyOf(rotS, nrot), order, live, dead, slot, perm, count, u);
    // U, and with it Zᵀ's merge step on the block's first and last rows (and any carried columns):
    // Uᵀ·(gathered rows) is formed column by column of U while that column is in cache
    transposeGather(node, rows.rows, rows.step);
    if (kk > 0) {
      rankOneVectors(dk, zk, orig, tau, slot, u, rows.step, rows.rows.cols());
    }
    transposeScatter(node, rows.rows, rows.step);
    return node;
  }

  /** Rows lo..lo+n of x ← op(Z_leaf) · (those rows), op(Z) = Zᵀ when {@code transpose}; y is scratch. */
  private static void leafProduct(DenseKernels k, Leaf leafNode, boolean transpose, DMatrix x, DMatrix y) {
    if (leafNode.z == null) {
      return;
    }
    int lo = leafNode.lo;
    int n = leafNode.n;
    DMatrix z = leafNode.z;
    k.gemm(transpose, false, n, x.cols(), n, 1.0, z.segment(), z.offset(), z.ld(), x.segment(), x.index(lo, 0), x.ld(),
        0.0, y.segment(), y.offset(), y.ld());
    for (int c = 0; c < x.cols(); c++) {
      MemorySegment.copy(y.segment(), y.index(0, c) * Double.BYTES, x.segment(), x.index(lo, c) * Double.BYTES,
          (long) n * Double.BYTES);
    }
  }

  /**
   * Rows lo..lo+n of x ← G·M·Π · (those rows), the merge's own factor of Z = diag(Z₁, Z₂)·G·M·Π:
   * Π and M (the gather into sorted order, U times the live rows, the deflated rows copied), then the
   * rotations last to first. st is scratch.
   */
  private static void forwardStep(DenseKernels k, Merge mg, DMatrix x, StepScratch st) {
    int lo = mg.lo;
    int n = mg.n;
    int kk = mg.live.length;
    int cols = x.cols();
    MemorySegment xs = x.segment();
    MemorySegment ws = st.w.segment();
    MemorySegment ys = st.y.segment();
    double[] in = st.a;
    double[] g = st.b;
    double[] out = st.c;
    for (int c = 0; c < cols; c++) {
      MemorySegment.copy(xs, JAVA_DOUBLE, x.index(lo, c) * Double.BYTES, in, 0, n);
      for (int j = 0; j < n; j++) {
        g[mg.perm[j]] = in[j];
      }
      MemorySegment.copy(g, 0, ws, JAVA_DOUBLE, st.w.index(0, c) * Double.BYTES, n);
    }
    if (kk > 0) {
      k.gemm(false, false, kk, cols, kk, 1.0, mg.u.segment(), mg.u.offset(), mg.u.ld(), ws, st.w.offset(),
          st.w.ld(), 0.0, ys, st.y.offset(), st.y.ld());
    }
    for (int c = 0; c < cols; c++) {
      MemorySegment.copy(ws, JAVA_DOUBLE, st.w.index(0, c) * Double.BYTES, g, 0, n);
      MemorySegment.copy(ys, JAVA_DOUBLE, st.y.index(0, c) * Double.BYTES, in, 0, kk);
      for (int p = 0; p < kk; p++) {
        out[mg.live[p]] = in[mg.slot[p]];
      }
      for (int q = 0; q < mg.dead.length; q++) {
        out[mg.dead[q]] = g[kk + q];
      }
      for (int r = mg.rotX.length - 1; r >= 0; r--) {
        int ix = mg.rotX[r];
        int iy = mg.rotY[r];
        double vx = out[ix];
        double vy = out[iy];
        out[ix] = mg.rotC[r] * vx - mg.rotS[r] * vy;
        out[iy] = mg.rotS[r] * vx + mg.rotC[r] * vy;
      }
      MemorySegment.copy(out, 0, xs, JAVA_DOUBLE, x.index(lo, c) * Double.BYTES, n);
    }
  }

  /**
   * Rows lo..lo+n of x ← (G·M·Π)ᵀ · (those rows): the rotations first to last, then Mᵀ (Uᵀ times the
   * gathered live rows, the deflated rows copied), then the sort. The transpose of
   * {@link #forwardStep}; it also carries a block's first and last eigenvector rows up a merge.
   */
  private static void transposeStep(DenseKernels k, Merge mg, DMatrix x, StepScratch st) {
    int kk = mg.live.length;
    transposeGather(mg, x, st);
    if (kk > 0) {
      k.gemm(true, false, kk, x.cols(), kk, 1.0, mg.u.segment(), mg.u.offset(), mg.u.ld(), st.w.segment(),
          st.w.offset(), st.w.ld(), 0.0, st.y.segment(), st.y.offset(), st.y.ld());
    }
    transposeScatter(mg, x, st);
  }

  /**
   * The first part of {@link #transposeStep}: the rotations on rows lo..lo+n of x, then the live
   * rows gathered into st.w in U's row order and the deflated rows into st.y below row kk.
   */
  private static void transposeGather(Merge mg, DMatrix x, StepScratch st) {
    int lo = mg.lo;
    int n = mg.n;
    int kk = mg.live.length;
    MemorySegment xs = x.segment();
    double[] in = st.a;
    double[] g = st.b;
    for (int c = 0; c < x.cols(); c++) {
      MemorySegment.copy(xs, JAVA_DOUBLE, x.index(lo, c) * Double.BYTES, in, 0, n);
      for (int r = 0; r < mg.rotX.length; r++) {
        int ix = mg.rotX[r];
        int iy = mg.rotY[r];
        double vx = in[ix];
        double vy = in[iy];
        in[ix] = mg.rotC[r] * vx + mg.rotS[r] * vy;
        in[iy] = mg.rotC[r] * vy - mg.rotS[r] * vx;
      }
      for (int p = 0; p < kk; p++) {
        g[mg.slot[p]] = in[mg.live[p]];
      }
      for (int q = 0; q < mg.dead.length; q++) {
        g[kk + q] = in[mg.dead[q]];
      }
      MemorySegment.copy(g, 0, st.w.segment(), JAVA_DOUBLE, st.w.index(0, c) * Double.BYTES, kk);
      MemorySegment.copy(g, kk, st.y.segment(), JAVA_DOUBLE, st.y.index(kk, c) * Double.BYTES, n - kk);
    }
  }

  /** The last part of {@link #transposeStep}: rows lo..lo+n of x ← st.y in sorted order. */
  private static void transposeScatter(Merge mg, DMatrix x, StepScratch st) {
    int lo = mg.lo;
    int n = mg.n;
    MemorySegment xs = x.segment();
    double[] in = st.a;
    double[] out = st.c;
    for (int c = 0; c < x.cols(); c++) {
      MemorySegment.copy(st.y.segment(), JAVA_DOUBLE, st.y.index(0, c) * Double.BYTES, in, 0, n);
      for (int j = 0; j < n; j++) {
        out[j] = in[mg.perm[j]];
      }
      MemorySegment.copy(out, 0, xs, JAVA_DOUBLE, x.index(lo, c) * Double.BYTES, n);
    }
  }

  /** The merge tree as {@link TridiagonalEigenvectors}. */
  private static final class Tree implements TridiagonalEigenvectors {
    private final DenseKernels k;
    private final Node root;

    Tree(DenseKernels kernels, Node root) {
      this.k = kernels;
      this.root = root;
    }

    @Override
    public int size() {
      return root.n;
    }

    @Override
    public void multiply(DMatrix x) {
      apply(x, false);
    }

    @Override
    public void multiplyTranspose(DMatrix c) {
      apply(c, true);
    }

    private void apply(DMatrix x, boolean transpose) {
      if (x.rows() != root.n) {
        throw new IllegalArgumentException("expected " + root.n + " rows, got " + x.rows());
      }
      if (x.cols() == 0 || root.n == 0) {
        return;
      }
      try (Arena scratch = Arena.ofConfined()) {
        StepScratch st = new StepScratch(scratch, root.n, x.cols());
        if (transpose) {
          multiplyTranspose(root, x, st);
        } else {
          multiply(root, x, st);
        }
      }
    }

    /** Rows lo..lo+n of x ← Z_node · (those rows): the merge's step first, then the halves. */
    private void multiply(Node node, DMatrix x, StepScratch st) {
      if (node instanceof Merge mg) {
        forwardStep(k, mg, x, st);
        multiply(mg.left, x, st);
        multiply(mg.right, x, st);
      } else {
        leafProduct(k, (Leaf) node, false, x, st.y);
      }
    }

    /** Rows lo..lo+n of x ← Z_nodeᵀ · (those rows): the halves first, then the merge's step. */
    private void multiplyTranspose(Node node, DMatrix x, StepScratch st) {
      if (node instanceof Merge mg) {
        multiplyTranspose(mg.left, x, st);
        multiplyTranspose(mg.right, x, st);
        transposeStep(k, mg, x, st);
      } else {
        leafProduct(k, (Leaf) node, true, x, st.y);
      }
    }

    @Override
    public void toExplicit(DMatrix z) {
      int n = root.n;
      if (z.rows() != n || z.cols() != n) {
        throw new IllegalArgumentException("expected a " + n + "x" + n + " matrix, got " + z.rows() + "x" + z.cols());
      }
      MemorySegment zs = z.segment();
      for (int j = 0; j < n; j++) {
        zs.asSlice(z.index(0, j) * Double.BYTES, (long) n * Double.BYTES).fill((byte) 0);
      }
      if (n == 0) {
        return;
      }
      try (Arena scratch = Arena.ofConfined()) {
        DMatrix g = DMatrix.allocate(scratch, n, n);
        DMatrix out = DMatrix.allocate(scratch, n, n);
        form(root, z, g, out);
      }
    }

    /**
     * Forms the block z[lo:lo+n, lo:lo+n) of the node (zero outside it): the halves, their columns
     * rotated, then the live columns times U by two gemm calls, one per half of the rows, each over
     * only the columns nonzero there (about n k² flops instead of 2n k²), then the sort.
     */
    private void form(Node node, DMatrix z, DMatrix ws, DMatrix outWs) {
      int lo = node.lo;
      int n = node.n;
      MemorySegment zs = z.segment();
      if (node instanceof Leaf leafNode) {
        if (leafNode.z == null) {
          for (int i = 0; i < n; i++) {
            zs.setAtIndex(JAVA_DOUBLE, z.index(lo + i, lo + i), 1.0);
          }
        } else {
          z.view(lo, lo, n, n).copyFrom(leafNode.z);
        }
        return;
      }
      Merge mg = (Merge) node;
      form(mg.left, z, ws, outWs);
      form(mg.right, z, ws, outWs);
      for (int r = 0; r < mg.rotX.length; r++) {
        rotateColumns(z, lo, n, lo + mg.rotX[r], lo + mg.rotY[r], mg.rotC[r], mg.rotS[r]);
      }
      int kk = mg.live.length;
      int m = mg.m;
      DMatrix out = outWs.view(0, 0, n, n);
      MemorySegment os = out.segment();
      if (kk > 0) {
        DMatrix g = ws.view(0, 0, n, kk);
        MemorySegment gs = g.segment();
        for (int p = 0; p < kk; p++) {
          MemorySegment.copy(zs, z.index(lo, lo + mg.live[p]) * Double.BYTES, gs, g.index(0, mg.slot[p]) * Double.BYTES,
              (long) n * Double.BYTES);
        }
        int topCols = mg.count[0] + mg.count[1];
        int botFirst = mg.count[0];
        int botCols = mg.count[1] + mg.count[2];
        DMatrix u = mg.u;
        k.gemm(false, false, m, kk, topCols, 1.0, gs, g.offset(), g.ld(), u.segment(), u.offset(), u.ld(),
            0.0, os, out.offset(), out.ld());
        k.gemm(false, false, n - m, kk, botCols, 1.0, gs, g.index(m, botFirst), g.ld(), u.segment(),
            u.index(botFirst, 0), u.ld(), 0.0, os, out.index(m, 0), out.ld());
      }
      for (int q = 0; q < mg.dead.length; q++) {
        MemorySegment.copy(zs, z.index(lo, lo + mg.dead[q]) * Double.BYTES, os, out.index(0, kk + q) * Double.BYTES,
            (long) n * Double.BYTES);
      }
      for (int j = 0; j < n; j++) {
        MemorySegment.copy(os, out.index(0, mg.perm[j]) * Double.BYTES, zs, z.index(lo, lo + j) * Double.BYTES,
            (long) n * Double.BYTES);
      }
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
   * Each column, once stored, also gives row j of st.y ← U(:, j)ᵀ·st.w over the first {@code cols}
   * columns (Zᵀ's merge step on the gathered rows, see {@link #transposeGather}).
   */
  private void rankOneVectors(double[] dk, double[] zk, int[] orig, double[] tau, int[] slot, DMatrix u,
                              StepScratch st, int cols) {
    int kk = dk.length;
    MemorySegment us = u.segment();
    if (kk == 1) {
      us.setAtIndex(JAVA_DOUBLE, u.index(0, 0), 1.0);
      columnsTimesGathered(u, 0, 1, st, cols);
      return;
    }
    double[] w = new double[kk];
    double[] diff = new double[kk];
    double[] q = new double[kk];
    for (int i = 0; i < kk; i++) {
      w[i] = (dk[i] - dk[orig[i]]) - tau[i];
    }
    // two branch-free loops around i = j, which C2 vectorizes
    for (int j = 0; j < kk; j++) {
      double dj = dk[orig[j]];
      double tj = tau[j];
      double dkj = dk[j];
      for (int i = 0; i < j; i++) {
        w[i] *= ((dk[i] - dj) - tj) / (dk[i] - dkj);
      }
      for (int i = j + 1; i < kk; i++) {
        w[i] *= ((dk[i] - dj) - tj) / (dk[i] - dkj);
      }
    }
    // ẑ and the poles in U's row order (row slot[i] belongs to pole i), so that each column comes out
    // in that order with no scatter
    double[] zr = new double[kk];
    double[] dr = new double[kk];
    for (int i = 0; i < kk; i++) {
      zr[slot[i]] = Math.copySign(Math.sqrt(Math.abs(w[i])), zk[i]);
      dr[slot[i]] = dk[i];
    }
    for (int j = 0; j < kk; j++) {
      double dj = dk[orig[j]];
      double tj = tau[j];
      for (int r = 0; r < kk; r++) {
        diff[r] = dr[r] - dj;
      }
      // q_r = ẑ_r / (d_r − λ_j) and Σ_r q_r², the squared norm of column j
      double inv = 1.0 / Math.sqrt(k.secularQuotients(0, kk, zr, diff, tj, q));
      for (int r = 0; r < kk; r++) {
        q[r] *= inv;
      }
      MemorySegment.copy(q, 0, us, JAVA_DOUBLE, u.index(0, j) * Double.BYTES, kk);
      if ((j + 1) % Tuning.EIGEN_DC_GATHER_BATCH == 0 || j == kk - 1) {
        int first = j / Tuning.EIGEN_DC_GATHER_BATCH * Tuning.EIGEN_DC_GATHER_BATCH;
        columnsTimesGathered(u, first, j + 1 - first, st, cols);
      }
    }
  }

  /**
   * Rows j..j+count of st.y ← U(:, j..j+count)ᵀ·st.w over the first {@code cols} columns, while those
   * columns of U are in cache: called every {@link Tuning#EIGEN_DC_GATHER_BATCH} columns as they are
   * formed.
   */
  private void columnsTimesGathered(DMatrix u, int j, int count, StepScratch st, int cols) {
    int kk = u.rows();
    for (int c0 = 0; c0 < cols; c0 += Tuning.GEMM_NARROW_COLS) {
      int cw = Math.min(Tuning.GEMM_NARROW_COLS, cols - c0);
      k.gemm(true, false, count, cw, kk, 1.0, u.segment(), u.index(0, j), u.ld(), st.w.segment(), st.w.index(0, c0),
          st.w.ld(), 0.0, st.y.segment(), st.y.index(j, c0), st.y.ld());
    }
  }

  /**
   * Root j (0-based, ascending) of 1/ρ + Σ_i z_i²/(d_i − λ) = 0 for strictly increasing d, z_i ≠ 0
   * and ρ &gt; 0. On return λ_j = d[orig[j]] + tau[j] with the origin the nearer pole. The O(kk)
   * sums of each step are {@link DenseKernels#secularSums} over the pole offsets diff_i = d_i − d_origin
   * (formed once per root, so that d_i − λ = diff_i − τ is computed as before); {@code diff} is
   * scratch of length ≥ kk. Since the terms left of the root share one sign and those right of it the
   * other, Σ|terms| = |ψ| + |φ|, which bounds the rounding error of the sum (dlaed4's erretm).
   */
  static void secularRoot(DenseKernels k, int j, int kk, double[] d, double[] z, double rho, int[] orig, double[] tau,
                          double[] diff) {
    double rhoinv = 1.0 / rho;
    if (kk == 1) {
      orig[0] = 0;
      tau[0] = rho * z[0] * z[0];
      return;
    }
    double[] sums = new double[2];
    int o;
    double lo;
    double hi;
    double guess = Double.NaN;
    if (j < kk - 1) {
      double gap = d[j + 1] - d[j];
      double mid = 0.5 * gap;
      for (int i = 0; i < kk; i++) {
        diff[i] = d[i] - d[j];
      }
      k.secularSums(0, kk, z, diff, mid, sums);
      double fmid = rhoinv + sums[0];
      // initial guess (dlaed4): the two nearest poles exact, the rest a constant c matched at the
      // midpoint: c + z_j²/(δ_j − t) + z_{j+1}²/(δ_{j+1} − t) = 0, δ relative to the origin
      double zj = z[j] * z[j];
      double zj1 = z[j + 1] * z[j + 1];
      double c = fmid + zj / mid - zj1 / mid;
      if (fmid >= 0) {
        o = j;
        lo = 0;
        hi = mid;
        // δ_j = 0, δ_{j+1} = gap: c t² − (c·gap + z_j² + z_{j+1}²) t + z_j²·gap = 0
        guess = quadraticRoot(c, -(c * gap + zj + zj1), zj * gap, lo, hi);
      } else {
        o = j + 1;
        lo = -mid;
        hi = 0;
        for (int i = 0; i < kk; i++) {
          diff[i] = d[i] - d[o];
        }
        // δ_j = −gap, δ_{j+1} = 0: c t² − (−c·gap + z_j² + z_{j+1}²) t − z_{j+1}²·gap = 0
        guess = quadraticRoot(c, -(-c * gap + zj + zj1), -zj1 * gap, lo, hi);
      }
    } else {
      o = j;
      lo = 0;
      double sz = 0;
      for (int i = 0; i < kk; i++) {
        sz += z[i] * z[i];
        diff[i] = d[i] - d[o];
      }
      hi = rho * sz * (1 + 4 * EPS) + Double.MIN_NORMAL;
    }
    double t = Double.isNaN(guess) ? 0.5 * (lo + hi) : guess;
    boolean interior = j < kk - 1;
    // left pole index p1 and right pole index p2 of the rational model
    int p1 = interior ? j : j - 1;
    int p2 = interior ? j + 1 : j;
    double gapModel = d[p2] - d[p1];
    for (int it = 0; it < MAX_SECULAR_ITERATIONS; it++) {
      k.secularSums(0, p1 + 1, z, diff, t, sums);
      double psi = sums[0];
      double dpsi = sums[1];
      k.secularSums(p1 + 1, kk, z, diff, t, sums);
      double phi = sums[0];
      double dphi = sums[1];
      double w = rhoinv + psi + phi;
      double erretm = 8.0 * (Math.abs(psi) + Math.abs(phi)) + 2.0 * rhoinv + Math.abs(t) * (dpsi + dphi);
      if (Math.abs(w) <= EPS * erretm) {
        break;
      }
      if (w < 0) {
        lo = Math.max(lo, t);
      } else {
        hi = Math.min(hi, t);
      }
      // middle-way model: psi ≈ a + b/δ₁, phi ≈ c + e/δ₂ with δ = pole − λ, matched in value and slope
      double del1 = diff[p1] - t;
      double del2 = diff[p2] - t;
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
