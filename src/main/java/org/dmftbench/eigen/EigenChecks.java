package org.dmftbench.eigen;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.dmftbench.Tolerances;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.linalg.DMatrix;

/**
 * LAPACK's test ratios for a symmetric eigen-decomposition (LAPACK Working Note 41; {@code dsyt21}),
 * with ‖·‖ the Frobenius norm and u = 2⁻⁵³: residual ‖A V − V Λ‖ / (n ‖A‖ u) and orthogonality
 * ‖Vᵀ V − I‖ / (n u). A correct backward-stable solver keeps both below
 * {@link Tolerances#LAPACK_TEST_RATIO}. Norms are computed with scaled sums of squares, so matrices
 * with entries near 1e±150 give finite ratios. A is read from its lower triangle.
 */
public final class EigenChecks {

  private EigenChecks() {
  }

  /** ‖A V − V diag(λ)‖_F / (n ‖A‖_F u); 0 for n = 0 or A = 0 with V Λ = 0. */
  public static double residualRatio(DenseKernels k, DMatrix a, double[] lambda, DMatrix v) {
    int n = a.rows();
    if (n == 0) {
      return 0.0;
    }
    try (Arena arena = Arena.ofConfined()) {
      DMatrix full = symmetricCopy(a, arena);
      DMatrix r = DMatrix.allocate(arena, n, v.cols());
      k.gemm(false, false, n, v.cols(), n, 1.0, full.segment(), full.offset(), full.ld(), v.segment(), v.offset(),
          v.ld(), 0.0, r.segment(), r.offset(), r.ld());
      for (int j = 0; j < v.cols(); j++) {
        k.axpy(n, -lambda[j], v.segment(), v.index(0, j), r.segment(), r.index(0, j));
      }
      double anorm = frobenius(k, full);
      double rnorm = frobenius(k, r);
      if (anorm == 0.0) {
        return rnorm == 0.0 ? 0.0 : Double.POSITIVE_INFINITY;
      }
      return rnorm / anorm / n / Tolerances.U;
    }
  }

  /** ‖Vᵀ V − I‖_F / (n u) for an n×m matrix V with orthonormal columns. */
  public static double orthogonalityRatio(DenseKernels k, DMatrix v) {
    int n = v.rows();
    int m = v.cols();
    if (n == 0) {
      return 0.0;
    }
    try (Arena arena = Arena.ofConfined()) {
      DMatrix g = DMatrix.allocate(arena, m, m);
      k.gemm(true, false, m, m, n, 1.0, v.segment(), v.offset(), v.ld(), v.segment(), v.offset(), v.ld(), 0.0,
          g.segment(), g.offset(), g.ld());
      for (int i = 0; i < m; i++) {
        g.set(i, i, g.get(i, i) - 1.0);
      }
      return frobenius(k, g) / n / Tolerances.U;
    }
  }

  /** max_i |λ_i − μ_i| / (n ‖A‖_F u): agreement of two ascending eigenvalue lists of A. */
  public static double eigenvalueRatio(DenseKernels k, DMatrix a, double[] lambda, double[] mu) {
    int n = a.rows();
    if (lambda.length != n || mu.length != n) {
      throw new IllegalArgumentException("expected " + n + " eigenvalues, got " + lambda.length + " and " + mu.length);
    }
    if (n == 0) {
      return 0.0;
    }
    double maxDiff = 0.0;
    for (int i = 0; i < n; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(lambda[i] - mu[i]));
    }
    double anorm;
    try (Arena arena = Arena.ofConfined()) {
      anorm = frobenius(k, symmetricCopy(a, arena));
    }
    if (anorm == 0.0) {
      return maxDiff == 0.0 ? 0.0 : Double.POSITIVE_INFINITY;
    }
    return maxDiff / anorm / n / Tolerances.U;
  }

  /** The full symmetric matrix whose lower triangle is that of a. */
  public static DMatrix symmetricCopy(DMatrix a, Arena arena) {
    int n = a.rows();
    DMatrix f = DMatrix.allocate(arena, n, n);
    MemorySegment s = a.segment();
    MemorySegment t = f.segment();
    for (int j = 0; j < n; j++) {
      for (int i = j; i < n; i++) {
        double x = s.getAtIndex(JAVA_DOUBLE, a.index(i, j));
        t.setAtIndex(JAVA_DOUBLE, f.index(i, j), x);
        t.setAtIndex(JAVA_DOUBLE, f.index(j, i), x);
      }
    }
    return f;
  }

  /** Frobenius norm by column-wise scaled 2-norms combined with hypot (no overflow, no harmful underflow). */
  public static double frobenius(DenseKernels k, DMatrix m) {
    double scale = 0.0;
    double ssq = 1.0;
    for (int j = 0; j < m.cols(); j++) {
      double c = k.nrm2(m.rows(), m.segment(), m.index(0, j));
      if (c != 0.0) {
        if (scale < c) {
          double q = scale / c;
          ssq = 1.0 + ssq * q * q;
          scale = c;
        } else {
          double q = c / scale;
          ssq += q * q;
        }
      }
    }
    return scale * Math.sqrt(ssq);
  }
}
