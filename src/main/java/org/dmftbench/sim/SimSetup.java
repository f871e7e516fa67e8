package org.dmftbench.sim;

import java.util.Arrays;

/**
 * One finite-size learning problem of spec §1 as the experiment sees it: the N mode eigenvalues
 * λ_k, the target powers c_k (so w̄_k = √(c_k/λ_k)), the number of samples P and the scalars of
 * the training regime.
 *
 * <p>The unlearnable tail (modes N+1..M) enters only through its power τ = Σ_{k>N} c_k: the tail's
 * contribution to a label, Σ_{k>N} Φ_{μk} w̄_k, is a sum of independent centred Gaussians
 * independent of the first N features, hence exactly distributed as N(0, τ) and independent of
 * everything else. The experiment therefore draws it as extra label noise of variance τ (an
 * identity in distribution, not an approximation) and adds τ to E_g.
 *
 * @param lambda kernel eigenvalues λ_1..λ_N (> 0, finite)
 * @param c target powers c_1..c_N (≥ 0, finite)
 * @param samples P, the number of training samples (≥ 1)
 * @param noise σ², label-noise variance (≥ 0)
 * @param tail τ, power of the unlearnable modes (≥ 0)
 * @param decay γ, weight decay (≥ 0)
 * @param temperature T, Langevin temperature (≥ 0)
 * @param initVariance σ0², variance of the initial weights (≥ 0)
 */
public record SimSetup(double[] lambda, double[] c, int samples, double noise, double tail, double decay,
                       double temperature, double initVariance) {

  /** Largest N·P the experiment accepts (one P×N feature matrix of doubles, 16 GiB). */
  public static final long MAX_FEATURES = 1L << 31;

  public SimSetup {
    if (lambda == null || c == null) {
      throw new IllegalArgumentException("the spectrum must be given");
    }
    if (lambda.length == 0) {
      throw new IllegalArgumentException("the model needs at least one mode (N >= 1)");
    }
    if (lambda.length != c.length) {
      throw new IllegalArgumentException("spectrum has " + lambda.length + " eigenvalues but " + c.length + " target powers");
    }
    if (samples < 1) {
      throw new IllegalArgumentException("P must be >= 1, got " + samples);
    }
    if ((long) samples * lambda.length > MAX_FEATURES) {
      throw new IllegalArgumentException("N*P = " + (long) samples * lambda.length + " is too large for the experiment (max "
          + MAX_FEATURES + ")");
    }
    for (int k = 0; k < lambda.length; k++) {
      if (!(lambda[k] > 0) || !Double.isFinite(lambda[k])) {
        throw new IllegalArgumentException("eigenvalue lambda_" + (k + 1) + " must be finite and > 0, got " + lambda[k]);
      }
      if (!(c[k] >= 0) || !Double.isFinite(c[k])) {
        throw new IllegalArgumentException("target power c_" + (k + 1) + " must be finite and >= 0, got " + c[k]);
      }
    }
    requireNonNegative("sigma^2 (label noise)", noise);
    requireNonNegative("tau (tail power)", tail);
    requireNonNegative("gamma (weight decay)", decay);
    requireNonNegative("T (temperature)", temperature);
    requireNonNegative("sigma0^2 (initial-weight variance)", initVariance);
    lambda = lambda.clone();
    c = c.clone();
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }

  /**
   * The power-law problem of spec §1: λ_k = λ_1 k^-(1+α), c_k = c_1 k^-(1+β) for k ≤ N, and the tail
   * τ = Σ_{k=N+1..M} c_1 k^-(1+β) (M = N: no tail; M = {@link Integer#MAX_VALUE} stands for M = ∞,
   * summed by {@link PowerLaw#tailSum}).
   */
  public static SimSetup powerLaw(int n, int p, long m, double alpha, double beta, double lambda1, double c1,
                                  double noise, double decay, double temperature, double initVariance) {
    PowerLaw.check(n, alpha, beta, lambda1, c1);
    if (m < n) {
      throw new IllegalArgumentException("M (target modes) must be >= N, got M = " + m + " < N = " + n);
    }
    double[] lam = new double[n];
    double[] cc = new double[n];
    for (int k = 1; k <= n; k++) {
      lam[k - 1] = lambda1 * Math.pow(k, -(1 + alpha));
      cc[k - 1] = c1 * Math.pow(k, -(1 + beta));
    }
    double tau = PowerLaw.tailSum(n, m, beta, c1);
    return new SimSetup(lam, cc, p, noise, tau, decay, temperature, initVariance);
  }

  /** N, the number of learnable modes. */
  public int modes() {
    return lambda.length;
  }

  @Override
  public double[] lambda() {
    return lambda.clone();
  }

  @Override
  public double[] c() {
    return c.clone();
  }

  /** λ_k for k = 1..N (1-based, no copy). */
  public double lambda(int k) {
    return lambda[k - 1];
  }

  /** c_k for k = 1..N (1-based, no copy). */
  public double c(int k) {
    return c[k - 1];
  }

  /** The same problem with another number of samples. */
  public SimSetup withSamples(int p) {
    return new SimSetup(lambda, c, p, noise, tail, decay, temperature, initVariance);
  }

  /** E_g(0) = Σ c_k + σ0² Σ λ_k + τ (spec §3.3). */
  public double initialError() {
    double s = 0;
    for (int k = 0; k < lambda.length; k++) {
      s += c[k] + initVariance * lambda[k];
    }
    return s + tail;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimSetup s && Arrays.equals(lambda, s.lambda) && Arrays.equals(c, s.c) && samples == s.samples
        && noise == s.noise && tail == s.tail && decay == s.decay && temperature == s.temperature
        && initVariance == s.initVariance;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(lambda) * 31 + Arrays.hashCode(c) + samples;
  }

  @Override
  public String toString() {
    return "SimSetup[N=" + lambda.length + ", P=" + samples + ", sigma2=" + noise + ", tau=" + tail + ", gamma=" + decay
        + ", T=" + temperature + ", sigma0^2=" + initVariance + "]";
  }
}
