package org.dmftbench.eigen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.dmftbench.Tolerances;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
import org.dmftbench.linalg.MatrixMarket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link SymmetricEigenSolver} satisfies; each implementation's test is a small
 * subclass. For every case, all three modes run and are checked against LAPACK's test ratios
 * (residual ‖AV − VΛ‖/(n‖A‖u), orthogonality ‖VᵀV − I‖/(nu), eigenvalue agreement
 * max|λ − μ|/(n‖A‖u), all below {@link Tolerances#LAPACK_TEST_RATIO}), against Apache Commons Math
 * for n ≤ 200, against known spectra where prescribed, and for the input-unchanged contract.
 */
abstract class SymmetricEigenSolverContract {

  static final double THRESH = Tolerances.LAPACK_TEST_RATIO;
  static final DenseKernels K = Kernels.dense();

  /** The solver under test. */
  abstract SymmetricEigenSolver solver();

  private record Case(String name, double[][] a, double[] exact) {
  }

  private static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    for (int n : new int[] {0, 1, 2, 3, 5, 17, 64, 65, 127, 200}) {
      c.add(new Case("gaussian n=" + n, TestMatrices.gaussianSymmetric(n, 1000 + n), null));
    }
    int n = 100;
    double[] even = new double[n];
    double[] geometric = new double[n];
    double[] cluster = new double[n];
    double[] equal = new double[n];
    double[] pairs = new double[n];
    double[] zeros = new double[n];
    for (int i = 0; i < n; i++) {
      even[i] = i + 1;
      geometric[i] = Math.pow(1e-12, i / (n - 1.0));
      cluster[i] = i == n - 1 ? 1e3 : 1 + 1e-10 * i;
      equal[i] = 2.5;
      pairs[i] = (i % 2 == 0 ? 1 : -1) * (1 + i / 2);
      zeros[i] = i % 3 == 0 ? 0.0 : (i % 3 == 1 ? i : -i);
    }
    c.add(new Case("spectrum evenly spaced", TestMatrices.prescribed(even, 1), even));
    c.add(new Case("spectrum geometric 1..1e-12", TestMatrices.prescribed(geometric, 2), geometric));
    c.add(new Case("spectrum one large + cluster", TestMatrices.prescribed(cluster, 3), cluster));
    c.add(new Case("spectrum all equal", TestMatrices.prescribed(equal, 4), equal));
    c.add(new Case("spectrum +- pairs", TestMatrices.prescribed(pairs, 5), pairs));
    c.add(new Case("spectrum with zeros", TestMatrices.prescribed(zeros, 6), zeros));
    SplittableRandom r = new SplittableRandom(7);
    double[] dg = new double[90];
    double[] eg = new double[89];
    for (int i = 0; i < dg.length; i++) {
      dg[i] = TestMatrices.gaussian(r);
    }
    for (int i = 0; i < eg.length; i++) {
      eg[i] = TestMatrices.gaussian(r);
    }
    c.add(new Case("diagonal", TestMatrices.diagonal(dg), dg));
    c.add(new Case("tridiagonal", TestMatrices.tridiagonal(dg, eg), null));
    c.add(new Case("Wilkinson W21+", TestMatrices.wilkinson(10), null));
    c.add(new Case("graded 1e-150..1e150", TestMatrices.graded(40, 8), null));
    c.add(new Case("scaled 1e150", TestMatrices.scaled(TestMatrices.gaussianSymmetric(70, 9), 1e150), null));
    c.add(new Case("scaled 1e-150", TestMatrices.scaled(TestMatrices.gaussianSymmetric(70, 10), 1e-150), null));
    c.add(new Case("zero matrix", new double[30][30], new double[30]));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> generatedCases() {
    return cases().stream().map(cs -> DynamicTest.dynamicTest(cs.name(), () -> checkAll(cs.name(), cs.a(), cs.exact())));
  }

  @TestFactory
  Stream<DynamicTest> matrixMarketFiles() throws IOException {
    String shared = System.getProperty("dmftbench.shared");
    Path dir = shared == null ? null : Path.of(shared, "data", "matrices");
    if (dir == null || !Files.isDirectory(dir)) {
      Assumptions.abort("test matrices not found (system property dmftbench.shared = " + shared
          + "); skipping the Matrix Market cases");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".mtx")).sorted().toList();
    }
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      try (Arena arena = Arena.ofConfined()) {
        checkAll(p.getFileName().toString(), MatrixMarket.read(p, arena).toArray(), null);
      }
    }));
  }

  /** Runs all three modes on a and checks every ratio and the input contract. */
  void checkAll(String name, double[][] full, double[] exact) {
    SymmetricEigenSolver s = solver();
    int n = full.length;
    try (Arena arena = Arena.ofConfined()) {
      DMatrix a = TestMatrices.off(arena, full);
      double[][] before = a.toArray();

      double[] values = s.values(a);
      assertUnchanged(s, before, a, name + " values");
      assertEquals(n, values.length, name);
      assertAscending(values, name);

      DMatrix v = DMatrix.allocate(arena, n, n);
      double[] lambda = s.vectors(a, v);
      assertUnchanged(s, before, a, name + " vectors");
      assertAscending(lambda, name);
      double res = EigenChecks.residualRatio(K, a, lambda, v);
      double orth = EigenChecks.orthogonalityRatio(K, v);
      assertTrue(res < THRESH, name + ": residual ratio " + res);
      assertTrue(orth < THRESH, name + ": orthogonality ratio " + orth);
      double agree = EigenChecks.eigenvalueRatio(K, a, values, lambda);
      assertTrue(agree < THRESH, name + ": values-only vs vectors eigenvalue ratio " + agree);

      if (n > 0 && n <= 200) {
        double[] ref = new EigenDecomposition(new Array2DRowRealMatrix(full)).getRealEigenvalues();
        Arrays.sort(ref);
        double cm = EigenChecks.eigenvalueRatio(K, a, values, ref);
        assertTrue(cm < THRESH, name + ": eigenvalues vs Commons Math ratio " + cm);
      }
      if (exact != null) {
        double[] ex = exact.clone();
        Arrays.sort(ex);
        double er = EigenChecks.eigenvalueRatio(K, a, values, ex);
        assertTrue(er < THRESH, name + ": eigenvalues vs prescribed spectrum ratio " + er);
      }
      checkProjections(s, name, a, before, values, lambda, v, arena);
    }
  }

  private static void checkProjections(SymmetricEigenSolver s, String name, DMatrix a, double[][] before,
                                       double[] values, double[] lambda, DMatrix v, Arena arena) {
    int n = a.rows();
    int k = 3;
    SplittableRandom r = new SplittableRandom(99);
    DMatrix b = DMatrix.allocate(arena, n, k);
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        b.set(i, j, TestMatrices.gaussian(r));
      }
    }
    double[][] b0 = b.toArray();
    double[] mu = s.projections(a, b);
    assertUnchanged(s, before, a, name + " projections");
    double agree = EigenChecks.eigenvalueRatio(K, a, values, mu);
    assertTrue(agree < THRESH, name + ": projection-mode eigenvalues ratio " + agree);
    if (n == 0) {
      return;
    }
    double anorm;
    anorm = EigenChecks.frobenius(K, EigenChecks.symmetricCopy(a, arena));
    double bnorm2 = 0;
    for (double[] row : b0) {
      for (double x : row) {
        bnorm2 += x * x;
      }
    }
    // invariants independent of the eigenvector basis: PᵀP = BᵀB and PᵀΛP = BᵀAB
    double[][] full = EigenChecks.symmetricCopy(a, arena).toArray();
    double[][] p = b.toArray();
    for (int x = 0; x < k; x++) {
      for (int y = 0; y < k; y++) {
        double ptp = 0;
        double btb = 0;
        double plp = 0;
        double bab = 0;
        for (int i = 0; i < n; i++) {
          ptp += p[i][x] * p[i][y];
          btb += b0[i][x] * b0[i][y];
          plp += p[i][x] * mu[i] * p[i][y];
          double ab = 0;
          for (int j = 0; j < n; j++) {
            ab += full[i][j] * b0[j][y];
          }
          bab += b0[i][x] * ab;
        }
        double tolG = THRESH * n * Tolerances.U * bnorm2;
        double tolA = THRESH * n * Tolerances.U * anorm * bnorm2;
        assertTrue(Math.abs(ptp - btb) <= tolG, name + ": (PᵀP − BᵀB)[" + x + "," + y + "] = " + (ptp - btb));
        assertTrue(Math.abs(plp - bab) <= tolA, name + ": (PᵀΛP − BᵀAB)[" + x + "," + y + "] = " + (plp - bab));
      }
    }
    // rows for well-separated eigenvalues equal (VᵀB)_i from mode 2 up to the sign of v_i
    double[][] vv = v.toArray();
    double bnorm = Math.sqrt(bnorm2);
    for (int i = 0; i < n; i++) {
      double gap = Double.POSITIVE_INFINITY;
      if (i > 0) {
        gap = Math.min(gap, lambda[i] - lambda[i - 1]);
      }
      if (i < n - 1) {
        gap = Math.min(gap, lambda[i + 1] - lambda[i]);
      }
      if (!(gap > 1e-6 * anorm)) {
        continue;
      }
      double tol = THRESH * n * Tolerances.U * anorm / gap * bnorm;
      double[] q = new double[k];
      double dotSign = 0;
      for (int x = 0; x < k; x++) {
        for (int j = 0; j < n; j++) {
          q[x] += vv[j][i] * b0[j][x];
        }
        dotSign += q[x] * p[i][x];
      }
      double sign = dotSign < 0 ? -1 : 1;
      for (int x = 0; x < k; x++) {
        assertTrue(Math.abs(p[i][x] - sign * q[x]) <= tol, name + ": projection row " + i + " col " + x + ": "
            + p[i][x] + " vs (VᵀB) " + sign * q[x] + " (tol " + tol + ")");
      }
    }
  }

  private static void assertAscending(double[] x, String name) {
    for (int i = 1; i < x.length; i++) {
      assertTrue(x[i - 1] <= x[i], name + ": eigenvalues not ascending at " + i);
    }
  }

  private static void assertUnchanged(SymmetricEigenSolver s, double[][] before, DMatrix a, String what) {
    assertTrue(!s.inputModified(), "solvers of this package promise not to modify their input");
    double[][] after = a.toArray();
    for (int i = 0; i < before.length; i++) {
      assertArrayEquals(before[i], after[i], 0.0, what + ": input row " + i + " was modified");
    }
  }

  @Test
  void rejectsNonFiniteInput() {
    SymmetricEigenSolver s = solver();
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      try (Arena arena = Arena.ofConfined()) {
        DMatrix a = DMatrix.of(arena, TestMatrices.gaussianSymmetric(6, 3));
        a.set(4, 2, bad);
        List<Supplier<double[]>> calls = List.of(
            () -> s.values(a),
            () -> s.vectors(a, DMatrix.allocate(arena, 6, 6)),
            () -> s.projections(a, DMatrix.allocate(arena, 6, 2)));
        for (Supplier<double[]> call : calls) {
          IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call::get);
          assertTrue(ex.getMessage().contains("non-finite") && ex.getMessage().contains("(5, 3)"), ex.getMessage());
        }
      }
    }
  }

  @Test
  void readsOnlyTheLowerTriangle() {
    SymmetricEigenSolver s = solver();
    try (Arena arena = Arena.ofConfined()) {
      double[][] full = TestMatrices.gaussianSymmetric(20, 11);
      DMatrix clean = DMatrix.of(arena, full);
      DMatrix dirty = DMatrix.of(arena, full);
      for (int j = 1; j < 20; j++) {
        for (int i = 0; i < j; i++) {
          dirty.set(i, j, Double.NaN);
        }
      }
      assertArrayEquals(s.values(clean), s.values(dirty), 0.0);
    }
  }

  @Test
  void rejectsBadShapes() {
    SymmetricEigenSolver s = solver();
    try (Arena arena = Arena.ofConfined()) {
      DMatrix a = DMatrix.allocate(arena, 4, 5);
      assertThrows(IllegalArgumentException.class, () -> s.values(a));
      DMatrix sq = DMatrix.of(arena, TestMatrices.gaussianSymmetric(4, 1));
      assertThrows(IllegalArgumentException.class, () -> s.vectors(sq, DMatrix.allocate(arena, 3, 4)));
      assertThrows(IllegalArgumentException.class, () -> s.projections(sq, DMatrix.allocate(arena, 5, 2)));
    }
  }
}
