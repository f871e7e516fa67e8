package org.dmftbench.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.dmftbench.Tolerances;
import org.junit.jupiter.api.Test;

/**
 * The column interpolative decomposition: the rank it finds against Commons Math's singular values,
 * and X(:, J)·C against X recomputed here by plain loops (not through {@link
 * InterpolativeDecomposition#error}), which must also agree with the errors it reports.
 */
final class InterpolativeDecompositionTest {

  private static final Blas BLAS = Blas.get();

  private static double[][] random(int m, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] a = new double[m][n];
    for (double[] row : a) {
      for (int j = 0; j < n; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    return a;
  }

  private static double[][] times(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int l = 0; l < b.length; l++) {
        for (int j = 0; j < b[0].length; j++) {
          c[i][j] += a[i][l] * b[l][j];
        }
      }
    }
    return c;
  }

  /** max_j ‖x_j − X(:, J)c_j‖/‖x_j‖ by plain loops, after checking C(:, J) = I and the reported errors. */
  private static double worstRelativeError(double[][] x, InterpolativeDecomposition id) {
    int m = x.length;
    int n = x[0].length;
    int[] skel = id.skeleton();
    double[][] c = id.coefficients();
    assertEquals(skel.length, id.rank());
    for (int i = 0; i < skel.length; i++) {
      for (int q = 0; q < skel.length; q++) {
        assertEquals(i == q ? 1.0 : 0.0, c[q][skel[i]], "C(:, J) = I");
      }
    }
    double worst = 0;
    for (int j = 0; j < n; j++) {
      double err = 0;
      double norm = 0;
      for (int r = 0; r < m; r++) {
        double s = x[r][j];
        for (int i = 0; i < skel.length; i++) {
          s -= c[i][j] * x[r][skel[i]];
        }
        err += s * s;
        norm += x[r][j] * x[r][j];
      }
      err = Math.sqrt(err);
      assertEquals(err, id.error(j), 1e-13 * Math.sqrt(norm) + 1e-300, "reported error of column " + j);
      if (norm > 0) {
        worst = Math.max(worst, err / Math.sqrt(norm));
      }
    }
    return worst;
  }

  private static InterpolativeDecomposition decompose(double[][] x, double tol, int maxRank, Arena arena) {
    return InterpolativeDecomposition.of(DMatrix.of(arena, x), tol, maxRank, arena, BLAS);
  }

  @Test
  void exactLowRankIsFoundAndReproduced() {
    try (Arena arena = Arena.ofConfined()) {
      for (int[] shape : new int[][] {{60, 20, 5}, {33, 17, 1}, {100, 64, 31}, {8, 12, 8}}) {
        double[][] x = times(random(shape[0], shape[2], 1), random(shape[2], shape[1], 2));
        InterpolativeDecomposition id = decompose(x, Tolerances.SIM_TIME_SKELETON, shape[1], arena);
        assertNotNull(id);
        assertEquals(shape[2], id.rank(), "rank of " + Arrays.toString(shape));
        assertTrue(worstRelativeError(x, id) <= 1e-13, "error " + worstRelativeError(x, id));
      }
    }
  }

  @Test
  void rankFollowsTheSingularValues() {
    // columns e^{−g t_j} over log-spaced t: numerically low rank, as the experiment's time columns
    int m = 300;
    int n = 64;
    double[][] x = new double[m][n];
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < m; i++) {
      double g = Math.pow(i + 1.0, -1.5) + 1e-3;
      double b = rng.nextGaussian();
      for (int j = 0; j < n; j++) {
        double t = 0.1 * Math.pow(1e5, j / (n - 1.0));
        x[i][j] = b * -Math.expm1(-g * t) / g - 1.0;
      }
    }
    double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(x)).getSingularValues();
    try (Arena arena = Arena.ofConfined()) {
      for (double tol : new double[] {1e-6, 1e-10, Tolerances.SIM_TIME_SKELETON}) {
        InterpolativeDecomposition id = decompose(x, tol, n, arena);
        assertNotNull(id);
        // pivoted QR leaves residuals between σ_{k+1} and √(k(n−k)+1)·2^k·σ_{k+1}; in practice close
        // to σ_{k+1}: the rank lies between the count of singular values above tol·σ₁·√n and two more
        // than the count above tol·σ₁/10 (columns are scaled to unit norm first, so not exactly σ's)
        int lo = 0;
        int hi = 2;
        for (double s : sv) {
          lo += s > tol * sv[0] * Math.sqrt(n) ? 1 : 0;
          hi += s > tol * sv[0] / 10 ? 1 : 0;
        }
        assertTrue(id.rank() >= lo && id.rank() <= hi, "rank " + id.rank() + " not in [" + lo + ", " + hi + "] at " + tol);
        assertTrue(worstRelativeError(x, id) <= 10 * tol, "error at tolerance " + tol);
      }
      assertTrue(decompose(x, Tolerances.SIM_TIME_SKELETON, n, arena).rank() <= 0.6 * n, "compressible");
    }
  }

  @Test
  void fullRankBeyondTheCapGivesNull() {
    try (Arena arena = Arena.ofConfined()) {
      double[][] x = random(50, 20, 3);
      assertNull(decompose(x, Tolerances.SIM_TIME_SKELETON, 19, arena));
      InterpolativeDecomposition id = decompose(x, Tolerances.SIM_TIME_SKELETON, 20, arena);
      assertEquals(20, id.rank());
      assertEquals(0.0, worstRelativeError(x, id));
      // more columns than rows: at most m are needed
      double[][] wide = random(7, 30, 4);
      InterpolativeDecomposition w = decompose(wide, Tolerances.SIM_TIME_SKELETON, 30, arena);
      assertEquals(7, w.rank());
      assertTrue(worstRelativeError(wide, w) <= 1e-13);
    }
  }

  @Test
  void zeroColumnsAndNonFiniteEntries() {
    try (Arena arena = Arena.ofConfined()) {
      double[][] x = times(random(40, 3, 6), random(3, 10, 7));
      for (double[] row : x) {
        row[4] = 0;
      }
      InterpolativeDecomposition id = decompose(x, Tolerances.SIM_TIME_SKELETON, 10, arena);
      assertEquals(3, id.rank());
      assertTrue(Arrays.stream(id.skeleton()).noneMatch(j -> j == 4), "a zero column is never a skeleton column");
      for (double[] ci : id.coefficients()) {
        assertEquals(0.0, ci[4]);
      }
      assertTrue(worstRelativeError(x, id) <= 1e-13);
      assertEquals(0, decompose(new double[5][4], Tolerances.SIM_TIME_SKELETON, 4, arena).rank());
      x[7][2] = Double.NaN;
      assertNull(decompose(x, Tolerances.SIM_TIME_SKELETON, 10, arena));
      x[7][2] = Double.POSITIVE_INFINITY;
      assertNull(decompose(x, Tolerances.SIM_TIME_SKELETON, 10, arena));
    }
  }
}
