package org.dmftbench.eigen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.dmftbench.Tolerances;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
import org.junit.jupiter.api.Test;

/**
 * Q of the tridiagonal reduction, prepared once and applied in place ({@link HouseholderBackTransform#prepare}),
 * checked by LAPACK's test ratios on A = Q T Qᵀ: ‖QᵀA₀Q − T‖/(n‖A₀‖u) and ‖QᵀQ − I‖/(nu), with T from
 * the reduction's d and e; and against the unprepared application (copied blocks, YᵀY by syrk). Block
 * sizes equal to, larger than and not aligned with the reduction's panels, so that every product
 * y_iᵀy_j comes from the panels, from a dot product, or from both.
 */
class HouseholderBackTransformTest {

  private static final DenseKernels K = Kernels.dense();

  @Test
  void preparedQReducesAAndIsOrthogonal() {
    int[][] widths = {{32, 32}, {32, 64}, {3, 5}, {8, 8}, {4, 12}, {16, 7}};
    for (int n : new int[] {1, 2, 3, 7, 40, 97, 130}) {
      double[][] a0 = TestMatrices.gaussianSymmetric(n, 70 + n);
      double norm = 0;
      for (double[] row : a0) {
        double s = 0;
        for (double v : row) {
          s += Math.abs(v);
        }
        norm = Math.max(norm, s);
      }
      for (int[] w : widths) {
        for (boolean fromPanels : new boolean[] {true, false}) {
          String what = "n=" + n + " panel " + w[0] + " block " + w[1] + (fromPanels ? " panel dots" : " no dots");
          try (Arena arena = Arena.ofConfined()) {
            DMatrix a = DMatrix.of(arena, a0);
            double[] d = new double[n];
            double[] e = new double[n];
            double[] tau = new double[n];
            double[][] dots = fromPanels ? new double[n][] : null;
            new HouseholderTridiagonalizer(K, w[0]).reduce(a, d, e, tau, arena, dots);
            HouseholderBackTransform back = new HouseholderBackTransform(K, w[1]);
            HouseholderBackTransform.Prepared q = back.prepare(a, tau, dots, arena);
            DMatrix qx = DMatrix.allocate(arena, n, n);
            for (int i = 0; i < n; i++) {
              qx.set(i, i, 1.0);
            }
            q.apply(qx, false, arena);
            double orth = 0;
            double resid = 0;
            for (int i = 0; i < n; i++) {
              for (int j = 0; j < n; j++) {
                double qtq = 0;
                double qtaq = 0;
                for (int r = 0; r < n; r++) {
                  qtq += qx.get(r, i) * qx.get(r, j);
                  double aq = 0;
                  for (int c = 0; c < n; c++) {
                    aq += a0[r][c] * qx.get(c, j);
                  }
                  qtaq += qx.get(r, i) * aq;
                }
                orth = Math.max(orth, Math.abs(qtq - (i == j ? 1 : 0)));
                double t = i == j ? d[i] : Math.abs(i - j) == 1 ? e[Math.min(i, j)] : 0;
                resid = Math.max(resid, Math.abs(qtaq - t));
              }
            }
            double u = Tolerances.U;
            assertTrue(orth / (n * u) < Tolerances.LAPACK_TEST_RATIO, what + ": orthogonality ratio " + orth / (n * u));
            assertTrue(resid / (n * norm * u) < Tolerances.LAPACK_TEST_RATIO,
                what + ": residual ratio " + resid / (n * norm * u));
            // against the unprepared application, both directions, on a few columns
            SplittableRandom rnd = new SplittableRandom(n);
            for (boolean transpose : new boolean[] {false, true}) {
              DMatrix c1 = DMatrix.allocate(arena, n, 5);
              for (int i = 0; i < n; i++) {
                for (int j = 0; j < 5; j++) {
                  c1.set(i, j, rnd.nextDouble(-1, 1));
                }
              }
              DMatrix c2 = DMatrix.allocate(arena, n, 5);
              c2.copyFrom(c1);
              q.apply(c1, transpose, arena);
              back.apply(a, tau, c2, transpose, arena);
              double diff = 0;
              for (int i = 0; i < n; i++) {
                for (int j = 0; j < 5; j++) {
                  diff = Math.max(diff, Math.abs(c1.get(i, j) - c2.get(i, j)));
                }
              }
              // both are Q·c to within n·u·‖c‖ (entries of c below 1, ‖c‖₂ ≤ √n)
              assertTrue(diff / (n * u * Math.sqrt(n)) < Tolerances.LAPACK_TEST_RATIO,
                  what + " transpose " + transpose + ": prepared vs unprepared ratio " + diff / (n * u * Math.sqrt(n)));
            }
          }
        }
      }
    }
  }
}
