package org.dmftbench.eigen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.dmftbench.Tolerances;
import org.dmftbench.Tuning;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tridiagonal solvers on their own (QL, divide and conquer with default and tiny leaves) on
 * matrices that stress deflation and splitting, with LAPACK's ratios on T itself; the secular
 * equation solver against Commons Math; and a large case checked by Sturm counts, an algorithm
 * independent of both.
 */
class TridiagonalEigenSolverTest {

  private static final double THRESH = Tolerances.LAPACK_TEST_RATIO;
  private static final DenseKernels K = Kernels.dense();

  private static List<TridiagonalEigenSolver> solvers() {
    return List.of(new TridiagonalQL(), new TridiagonalDivideAndConquer(K), new TridiagonalDivideAndConquer(K, 4));
  }

  private record Tri(String name, double[] d, double[] e) {
  }

  private static List<Tri> cases() {
    List<Tri> c = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(5);
    for (int n : new int[] {1, 2, 3, 7, 33, 150}) {
      double[] d = new double[n];
      double[] e = new double[Math.max(0, n - 1)];
      for (int i = 0; i < n; i++) {
        d[i] = TestMatrices.gaussian(r);
      }
      for (int i = 0; i < e.length; i++) {
        e[i] = TestMatrices.gaussian(r);
      }
      c.add(new Tri("random n=" + n, d, e));
    }
    // glued Wilkinson matrices: 8 copies of W21+ joined by 1e-10 (many near-multiple eigenvalues)
    int m = 21;
    int copies = 8;
    double[] d = new double[m * copies];
    double[] e = new double[m * copies - 1];
    for (int b = 0; b < copies; b++) {
      for (int i = 0; i < m; i++) {
        d[b * m + i] = Math.abs(10 - i);
        if (i < m - 1) {
          e[b * m + i] = 1.0;
        }
      }
      if (b < copies - 1) {
        e[b * m + m - 1] = 1e-10;
      }
    }
    c.add(new Tri("glued Wilkinson 8x21", d, e));
    double[] ones = new double[100];
    Arrays.fill(ones, 1.0);
    double[] tiny = new double[99];
    Arrays.fill(tiny, 1e-18);
    c.add(new Tri("identity + 1e-18 off-diagonal", ones, tiny));
    double[] zeroE = new double[99];
    double[] dd = new double[100];
    for (int i = 0; i < 100; i++) {
      dd[i] = (i * 37) % 11;
      if (i < 99 && i % 5 != 0) {
        zeroE[i] = 0.5;
      }
    }
    c.add(new Tri("split with repeated diagonal", dd, zeroE));
    double[] ge = new double[79];
    double[] gd = new double[80];
    for (int i = 0; i < 80; i++) {
      gd[i] = Math.pow(10, -i / 4.0);
      if (i < 79) {
        ge[i] = Math.pow(10, -(i + 0.5) / 4.0);
      }
    }
    c.add(new Tri("graded 1..1e-20", gd, ge));
    double[] z = new double[60];
    c.add(new Tri("zero", z, new double[59]));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> ratiosOnT() {
    List<DynamicTest> tests = new ArrayList<>();
    for (TridiagonalEigenSolver s : solvers()) {
      for (Tri t : cases()) {
        tests.add(DynamicTest.dynamicTest(s.name() + (s instanceof TridiagonalDivideAndConquer ? "" : "") + " " + t.name(),
            () -> check(s, t)));
      }
    }
    return tests.stream();
  }

  private static void check(TridiagonalEigenSolver s, Tri t) {
    int n = t.d().length;
    try (Arena arena = Arena.ofConfined()) {
      DMatrix a = TestMatrices.off(arena, TestMatrices.tridiagonal(t.d(), t.e()));
      double[] values = t.d().clone();
      s.values(values, Arrays.copyOf(t.e(), Math.max(1, n)));
      double[] lambda = t.d().clone();
      DMatrix z = DMatrix.allocate(arena, n, n);
      s.vectors(lambda, Arrays.copyOf(t.e(), Math.max(1, n)), z);
      String what = s.name() + " " + t.name();
      double res = EigenChecks.residualRatio(K, a, lambda, z);
      double orth = EigenChecks.orthogonalityRatio(K, z);
      assertTrue(res < THRESH, what + ": residual ratio " + res);
      assertTrue(orth < THRESH, what + ": orthogonality ratio " + orth);
      assertTrue(EigenChecks.eigenvalueRatio(K, a, values, lambda) < THRESH, what + ": values vs vectors");
      // projections: Zᵀ C from the same algorithm
      DMatrix c = DMatrix.allocate(arena, n, 2);
      SplittableRandom r = new SplittableRandom(3);
      for (int j = 0; j < 2; j++) {
        for (int i = 0; i < n; i++) {
          c.set(i, j, r.nextDouble(-1, 1));
        }
      }
      double[][] c0 = c.toArray();
      double[] mu = t.d().clone();
      s.projections(mu, Arrays.copyOf(t.e(), Math.max(1, n)), c);
      assertTrue(EigenChecks.eigenvalueRatio(K, a, lambda, mu) < THRESH, what + ": projections eigenvalues");
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 2; j++) {
          double want = 0;
          for (int l = 0; l < n; l++) {
            want += z.get(l, i) * c0[l][j];
          }
          assertEquals(want, c.get(i, j), THRESH * n * Tolerances.U * Math.sqrt(2.0 * n), what + ": (ZᵀC)[" + i + "," + j + "]");
        }
      }
    }
  }

  /**
   * The merge tree of {@link TridiagonalDivideAndConquer#factor} (Z never formed): its explicit form
   * passes LAPACK's ratios on T, and Z·X, Zᵀ·C through the tree agree with the products by that
   * explicit Z, entry by entry within THRESH·n·u·‖column‖₂ (each row of Z has unit norm).
   */
  @TestFactory
  Stream<DynamicTest> mergeTreeAppliesZ() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int leafSize : new int[] {2, 4, Tuning.EIGEN_DC_LEAF_SIZE}) {
      for (Tri t : cases()) {
        tests.add(DynamicTest.dynamicTest("leaf " + leafSize + " " + t.name(), () -> checkTree(leafSize, t)));
      }
    }
    return tests.stream();
  }

  private static void checkTree(int leafSize, Tri t) {
    int n = t.d().length;
    String what = "leaf " + leafSize + " " + t.name();
    try (Arena arena = Arena.ofConfined()) {
      DMatrix a = TestMatrices.off(arena, TestMatrices.tridiagonal(t.d(), t.e()));
      double[] lambda = t.d().clone();
      TridiagonalEigenvectors tree = new TridiagonalDivideAndConquer(K, leafSize)
          .factor(lambda, Arrays.copyOf(t.e(), Math.max(1, n)), arena);
      assertEquals(n, tree.size());
      DMatrix z = DMatrix.allocate(arena, n, n);
      tree.toExplicit(z);
      assertTrue(EigenChecks.residualRatio(K, a, lambda, z) < THRESH, what + ": residual ratio");
      assertTrue(EigenChecks.orthogonalityRatio(K, z) < THRESH, what + ": orthogonality ratio");
      double[] ql = t.d().clone();
      new TridiagonalQL().values(ql, Arrays.copyOf(t.e(), Math.max(1, n)));
      assertTrue(EigenChecks.eigenvalueRatio(K, a, ql, lambda) < THRESH, what + ": values vs QL");
      SplittableRandom r = new SplittableRandom(11);
      int cols = 5;
      DMatrix x = DMatrix.allocate(arena, n, cols);
      for (int j = 0; j < cols; j++) {
        for (int i = 0; i < n; i++) {
          x.set(i, j, r.nextDouble(-1, 1));
        }
      }
      double[][] x0 = x.toArray();
      DMatrix zx = DMatrix.allocate(arena, n, cols);
      DMatrix ztx = DMatrix.allocate(arena, n, cols);
      zx.copyFrom(x);
      ztx.copyFrom(x);
      tree.multiply(zx);
      tree.multiplyTranspose(ztx);
      // ZᵀX formed during a second build of the same tree (deterministic: the same Z)
      DMatrix carried = DMatrix.allocate(arena, n, cols);
      carried.copyFrom(x);
      double[] lambda2 = t.d().clone();
      new TridiagonalDivideAndConquer(K, leafSize).factor(lambda2, Arrays.copyOf(t.e(), Math.max(1, n)), arena, carried);
      assertTrue(Arrays.equals(lambda, lambda2), what + ": the second build's values");
      for (int j = 0; j < cols; j++) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
          norm += x0[i][j] * x0[i][j];
        }
        double tol = THRESH * Math.max(n, 1) * Tolerances.U * Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
          double want = 0;
          double wantT = 0;
          for (int l = 0; l < n; l++) {
            want += z.get(i, l) * x0[l][j];
            wantT += z.get(l, i) * x0[l][j];
          }
          assertEquals(want, zx.get(i, j), tol, what + ": (ZX)[" + i + "," + j + "]");
          assertEquals(wantT, ztx.get(i, j), tol, what + ": (ZᵀX)[" + i + "," + j + "]");
          assertEquals(wantT, carried.get(i, j), tol, what + ": (ZᵀX during the build)[" + i + "," + j + "]");
        }
      }
    }
  }

  @Test
  void secularRootsMatchCommonsMath() {
    SplittableRandom r = new SplittableRandom(17);
    for (int trial = 0; trial < 20; trial++) {
      int k = 1 + r.nextInt(40);
      double[] d = new double[k];
      double[] z = new double[k];
      double zz = 0;
      for (int i = 0; i < k; i++) {
        d[i] = (i == 0 ? 0 : d[i - 1]) + Math.pow(10, -r.nextDouble(0, 8));
        z[i] = r.nextDouble(0.01, 1) * (r.nextBoolean() ? 1 : -1);
        zz += z[i] * z[i];
      }
      for (int i = 0; i < k; i++) {
        z[i] /= Math.sqrt(zz);
      }
      double rho = Math.pow(10, r.nextDouble(-3, 2));
      double[][] m = new double[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          m[i][j] = rho * z[i] * z[j] + (i == j ? d[i] : 0);
        }
      }
      double[] ref = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
      Arrays.sort(ref);
      int[] orig = new int[k];
      double[] tau = new double[k];
      double scale = Math.max(Math.abs(d[k - 1]), 0) + rho;
      for (int j = 0; j < k; j++) {
        TridiagonalDivideAndConquer.secularRoot(K, j, k, d, z, rho, orig, tau, new double[k]);
        double lam = d[orig[j]] + tau[j];
        assertTrue(lam > d[j] && (j == k - 1 || lam < d[j + 1]), "root " + j + " outside its interval");
        assertEquals(ref[j], lam, THRESH * k * Tolerances.U * scale, "trial " + trial + " root " + j + " of " + k);
      }
    }
  }

  /** Number of eigenvalues of T below x (Sturm count by the LDLᵀ pivots of T − xI; Golub &amp; Van Loan §8.4.2). */
  private static int sturmCount(double[] d, double[] e, double x) {
    int count = 0;
    double q = 1;
    for (int i = 0; i < d.length; i++) {
      double off = i == 0 ? 0 : e[i - 1] * e[i - 1] / q;
      q = d[i] - x - off;
      if (q == 0) {
        q = -Double.MIN_NORMAL;
      }
      if (q < 0) {
        count++;
      }
    }
    return count;
  }

  @Test
  void largeTridiagonalAgreesWithSturmCounts() {
    int n = 2000;
    SplittableRandom r = new SplittableRandom(23);
    double[] d = new double[n];
    double[] e = new double[n - 1];
    for (int i = 0; i < n; i++) {
      d[i] = TestMatrices.gaussian(r);
    }
    for (int i = 0; i < n - 1; i++) {
      e[i] = TestMatrices.gaussian(r);
    }
    double norm = 0;
    for (double x : d) {
      norm += x * x;
    }
    for (double x : e) {
      norm += 2 * x * x;
    }
    norm = Math.sqrt(norm);
    double[] lambda = d.clone();
    new TridiagonalQL().values(lambda, Arrays.copyOf(e, n));
    double delta = THRESH * n * Tolerances.U * norm;
    for (int i = 0; i < n; i++) {
      assertTrue(sturmCount(d, e, lambda[i] - delta) <= i, "more than " + i + " eigenvalues below λ_" + i + " − δ");
      assertTrue(sturmCount(d, e, lambda[i] + delta) >= i + 1, "fewer than " + (i + 1) + " eigenvalues below λ_" + i + " + δ");
    }
  }

  @Test
  void divideAndConquerAgreesWithQlAtLargeSize() {
    int n = 2000;
    SplittableRandom r = new SplittableRandom(29);
    double[] d = new double[n];
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = TestMatrices.gaussian(r);
      e[i] = TestMatrices.gaussian(r);
    }
    double[] q = d.clone();
    new TridiagonalQL().values(q, e.clone());
    double[] dc = d.clone();
    try (Arena arena = Arena.ofConfined()) {
      DMatrix z = DMatrix.allocate(arena, n, n);
      new TridiagonalDivideAndConquer(K).vectors(dc, e.clone(), z);
      double[][] t = TestMatrices.tridiagonal(d, Arrays.copyOf(e, n - 1));
      double ratio = EigenChecks.eigenvalueRatio(K, DMatrix.of(arena, t), q, dc);
      assertTrue(ratio < THRESH, "QL vs divide and conquer eigenvalue ratio " + ratio);
    }
  }
}
