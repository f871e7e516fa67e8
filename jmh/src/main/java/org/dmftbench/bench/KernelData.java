package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.dmftbench.Tolerances;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
import org.dmftbench.linalg.DVector;

/** Inputs and accuracy ratios shared by the kernel benchmarks. */
final class KernelData {

  private KernelData() {
  }

  /** The kernels named by a benchmark's {@code impl} parameter. */
  static DenseKernels kernels(String impl) {
    return switch (impl) {
      case "scalar" -> Kernels.scalarDense();
      case "panama" -> {
        if (!Kernels.isVectorized()) {
          throw new IllegalStateException("impl=panama but the provider chose " + Kernels.describe());
        }
        yield Kernels.dense();
      }
      default -> throw new IllegalArgumentException("impl must be panama or scalar, got " + impl);
    };
  }

  /** A rows×cols matrix of uniform entries in [-1, 1) from a fixed seed. */
  static DMatrix randomMatrix(Arena arena, int rows, int cols, long seed) {
    DMatrix m = DMatrix.allocate(arena, rows, cols);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        m.set(i, j, rnd.nextDouble(-1, 1));
      }
    }
    return m;
  }

  /** A vector of uniform entries in [-1, 1) from a fixed seed. */
  static DVector randomVector(Arena arena, int n, long seed) {
    DVector v = DVector.allocate(arena, n);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      v.set(i, rnd.nextDouble(-1, 1));
    }
    return v;
  }

  /**
   * max over entries of |c_ij − ref_ij| / (k·u·Σ_p |a_ip||b_pj|) for C = A·B (A m×k, B k×n): the
   * measured error in units of the forward error bound of any summation order (Higham §3.5).
   * Below 2 when both results are within their bounds.
   */
  static double productErrorRatio(DMatrix a, DMatrix b, DMatrix c, DMatrix ref) {
    int m = a.rows();
    int k = a.cols();
    int n = b.cols();
    double worst = 0;
    double[] absCol = new double[k];
    for (int j = 0; j < n; j++) {
      for (int p = 0; p < k; p++) {
        absCol[p] = Math.abs(b.get(p, j));
      }
      for (int i = 0; i < m; i++) {
        double bound = 0;
        for (int p = 0; p < k; p++) {
          bound += Math.abs(a.get(i, p)) * absCol[p];
        }
        bound *= Math.max(1, k) * Tolerances.U;
        double err = Math.abs(c.get(i, j) - ref.get(i, j));
        worst = Math.max(worst, bound == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / bound);
      }
    }
    return worst;
  }
}
