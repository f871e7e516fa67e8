package org.dmftbench.sim;

/** Power-law spectra of spec §1: validation and the tail sum τ = Σ_{k=N+1..M} c_1 k^-(1+β). */
public final class PowerLaw {

  /** Below this start index the tail sum is summed term by term before the Euler–Maclaurin remainder. */
  private static final long DIRECT_TERMS = 4096;

  private PowerLaw() {
  }

  static void check(int n, double alpha, double beta, double lambda1, double c1) {
    if (n < 1) {
      throw new IllegalArgumentException("N must be >= 1, got " + n);
    }
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
    }
    if (!(beta > 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
    }
    if (!(lambda1 > 0) || !Double.isFinite(lambda1)) {
      throw new IllegalArgumentException("lambda_1 must be finite and > 0, got " + lambda1);
    }
    if (!(c1 >= 0) || !Double.isFinite(c1)) {
      throw new IllegalArgumentException("c_1 must be finite and >= 0, got " + c1);
    }
  }

  /**
   * τ = Σ_{k=N+1..M} c_1 k^-(1+β); M = {@link Integer#MAX_VALUE} or larger means M = ∞. Terms are
   * summed directly (smallest first) up to a few thousand indices and the remainder Σ_{k≥a} k^-s is
   * the Euler–Maclaurin expansion a^{1-s}/(s-1) + a^{-s}/2 + s a^{-s-1}/12 − s(s+1)(s+2) a^{-s-3}/720,
   * whose truncation error at a ≥ 4096 is below 1e-16 relative (Abramowitz &amp; Stegun 23.1.30).
   */
  public static double tailSum(long n, long m, double beta, double c1) {
    if (m <= n) {
      return 0;
    }
    double s = 1 + beta;
    boolean infinite = m >= Integer.MAX_VALUE;
    long directEnd = infinite ? n + DIRECT_TERMS : Math.min(m, n + DIRECT_TERMS);
    double sum = 0;
    for (long k = directEnd; k > n; k--) {
      sum += Math.pow(k, -s);
    }
    if (directEnd < m) {
      sum += zetaTail(directEnd + 1, s);
      if (!infinite) {
        sum -= zetaTail(m + 1, s);
      }
    }
    return c1 * sum;
  }

  /** Σ_{k≥a} k^-s for a ≥ 1000, s > 1 (Euler–Maclaurin, see {@link #tailSum}). */
  static double zetaTail(long a, double s) {
    double x = a;
    return Math.pow(x, 1 - s) / (s - 1) + Math.pow(x, -s) / 2 + s * Math.pow(x, -s - 1) / 12
        - s * (s + 1) * (s + 2) * Math.pow(x, -s - 3) / 720;
  }
}
