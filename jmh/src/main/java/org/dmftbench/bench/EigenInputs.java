package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.dmftbench.eigen.EigenChecks;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.linalg.DMatrix;

/**
 * Inputs and accuracy figures shared by the eigensolver benchmarks: the test matrix A = G + Gᵀ
 * (G with independent N(0, 1) entries, fixed seed, the matrix of spec/performance.md's table) and
 * LAPACK-style ratios that are cheap enough for n = 2048 in a {@code @Setup}.
 */
final class EigenInputs {

  private EigenInputs() {
  }

  /** A = G + Gᵀ, full storage, seed fixed per n. */
  static DMatrix gaussianPlusTranspose(Arena arena, int n) {
    SplittableRandom r = new SplittableRandom(20_000L + n);
    double[] g = new double[n * n];
    for (int i = 0; i < g.length; i++) {
      double u1 = r.nextDouble();
      double u2 = r.nextDouble();
      g[i] = Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
    DMatrix a = DMatrix.allocate(arena, n, n);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        a.set(i, j, g[i + j * n] + g[j + i * n]);
      }
    }
    return a;
  }

  /** Deterministic n×k right-hand sides for the projection mode. */
  static DMatrix rightHandSides(Arena arena, int n, int k) {
    SplittableRandom r = new SplittableRandom(7);
    DMatrix b = DMatrix.allocate(arena, n, k);
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        b.set(i, j, r.nextDouble(-1, 1));
      }
    }
    return b;
  }

  /**
   * LAPACK's residual ratio ‖AV − VΛ‖_F/(n‖A‖_F u) estimated from s evenly spaced columns
   * (√(n/s) times their residual norm), O(n²s) instead of O(n³).
   */
  static double sampledResidualRatio(DenseKernels k, DMatrix a, double[] lambda, DMatrix v, int s) {
    int n = a.rows();
    try (Arena arena = Arena.ofConfined()) {
      DMatrix r = DMatrix.allocate(arena, n, 1);
      double sum = 0;
      int cnt = 0;
      for (int t = 0; t < s; t++) {
        int j = (int) ((long) t * (n - 1) / Math.max(1, s - 1));
        k.symvLower(n, 1.0, a.segment(), a.offset(), a.ld(), v.segment(), v.index(0, j), 0.0, r.segment(), r.offset());
        k.axpy(n, -lambda[j], v.segment(), v.index(0, j), r.segment(), r.offset());
        double x = k.nrm2(n, r.segment(), r.offset());
        sum += x * x;
        cnt++;
      }
      double anorm = EigenChecks.frobenius(k, EigenChecks.symmetricCopy(a, arena));
      return Math.sqrt(sum * n / cnt) / (n * anorm * 0x1p-53);
    }
  }

  /** Orthogonality ratio ‖VᵀV − I‖_F/(n u) estimated from s evenly spaced columns of VᵀV. */
  static double sampledOrthogonalityRatio(DenseKernels k, DMatrix v, int s) {
    int n = v.rows();
    try (Arena arena = Arena.ofConfined()) {
      DMatrix c = DMatrix.allocate(arena, n, 1);
      double sum = 0;
      int cnt = 0;
      for (int t = 0; t < s; t++) {
        int j = (int) ((long) t * (n - 1) / Math.max(1, s - 1));
        k.gemvT(n, n, 1.0, v.segment(), v.offset(), v.ld(), v.segment(), v.index(0, j), 0.0, c.segment(), c.offset());
        c.set(j, 0, c.get(j, 0) - 1.0);
        double x = k.nrm2(n, c.segment(), c.offset());
        sum += x * x;
        cnt++;
      }
      return Math.sqrt(sum * n / cnt) / (n * 0x1p-53);
    }
  }

  /**
   * Basis-independent check of projections P = VᵀB: max over entries of |PᵀP − BᵀB| / (n u ‖B‖²)
   * and |PᵀΛP − BᵀAB| / (n u ‖A‖ ‖B‖²), the larger of the two.
   */
  static double projectionRatio(DenseKernels k, DMatrix a, DMatrix b, double[] mu, DMatrix p) {
    int n = a.rows();
    int kk = b.cols();
    try (Arena arena = Arena.ofConfined()) {
      DMatrix ab = DMatrix.allocate(arena, n, kk);
      for (int j = 0; j < kk; j++) {
        k.symvLower(n, 1.0, a.segment(), a.offset(), a.ld(), b.segment(), b.index(0, j), 0.0, ab.segment(), ab.index(0, j));
      }
      double anorm = EigenChecks.frobenius(k, EigenChecks.symmetricCopy(a, arena));
      double bnorm = EigenChecks.frobenius(k, b);
      double worst = 0;
      for (int x = 0; x < kk; x++) {
        for (int y = 0; y < kk; y++) {
          double ptp = 0;
          double plp = 0;
          for (int i = 0; i < n; i++) {
            ptp += p.get(i, x) * p.get(i, y);
            plp += p.get(i, x) * mu[i] * p.get(i, y);
          }
          double btb = k.dot(n, b.segment(), b.index(0, x), b.segment(), b.index(0, y));
          double bab = k.dot(n, b.segment(), b.index(0, x), ab.segment(), ab.index(0, y));
          worst = Math.max(worst, Math.abs(ptp - btb) / (n * 0x1p-53 * bnorm * bnorm));
          worst = Math.max(worst, Math.abs(plp - bab) / (n * 0x1p-53 * anorm * bnorm * bnorm));
        }
      }
      return worst;
    }
  }
}
