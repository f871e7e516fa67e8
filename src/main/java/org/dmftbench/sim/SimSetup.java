package org.dmftbench.sim;

import java.util.Arrays;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;

/**
 * One finite-size learning problem of spec §1 as the experiment sees it: an on-heap copy of a
 * {@link Problem} (its spectrum λ_k, c_k, τ and its training parameters) with a whole number of
 * samples P. All input checks are those of {@link Spectrum} and {@link Problem}; this class adds only
 * what the experiment needs beyond them (P a whole number, N·P small enough for a feature matrix).
 *
 * <p>The unlearnable tail (modes N+1..M) enters only through its power τ = Σ_{k>N} c_k: the tail's
 * contribution to a label, Σ_{k>N} Φ_{μk} w̄_k, is a sum of independent centred Gaussians
 * independent of the first N features, hence exactly distributed as N(0, τ) and independent of
 * everything else. The experiment therefore draws it as extra label noise of variance τ (an
 * identity in distribution, not an approximation) and adds τ to E_g.
 */
public final class SimSetup {

  /** Largest N·P the experiment accepts (one P×N feature matrix of doubles, 16 GiB). */
  public static final long MAX_FEATURES = 1L << 31;

  private final double[] lambda;
  private final double[] c;
  private final int samples;
  private final double noise;
  private final double tail;
  private final double decay;
  private final double temperature;
  private final double initVariance;

  private SimSetup(double[] lambda, double[] c, int samples, double noise, double tail, double decay,
                   double temperature, double initVariance) {
    if ((long) samples * lambda.length > MAX_FEATURES) {
      throw new IllegalArgumentException("N*P = " + (long) samples * lambda.length + " is too large for the experiment (max "
          + MAX_FEATURES + ")");
    }
    this.lambda = lambda;
    this.c = c;
    this.samples = samples;
    this.noise = noise;
    this.tail = tail;
    this.decay = decay;
    this.temperature = temperature;
    this.initVariance = initVariance;
  }

  /**
   * The experiment's copy of a problem (the problem's spectrum may be closed afterwards).
   *
   * @throws IllegalArgumentException when P is not a whole number in [1, {@link Integer#MAX_VALUE}]
   *     or N·P exceeds {@link #MAX_FEATURES}
   */
  public static SimSetup of(Problem problem) {
    double p = problem.p();
    if (Double.isInfinite(p) || p != Math.rint(p) || p > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the experiment needs a whole number of samples P, got " + p);
    }
    Spectrum s = problem.spectrum();
    return new SimSetup(s.lambda().toArray(), s.c().toArray(), (int) p, problem.sigma2(), s.tau(), problem.gamma(),
        problem.temperature(), problem.sigma0Sq());
  }

  /**
   * The power-law problem of spec §1 ({@link Spectrum#powerLaw}: λ_k = λ_1 k^-(1+α),
   * c_k = c_1 k^-(1+β) for k ≤ N, tail τ = Σ_{k=N+1..M} c_1 k^-(1+β); M = N: no tail,
   * M = {@link Long#MAX_VALUE}: M = ∞) with P samples and the training parameters of {@link Problem}.
   */
  public static SimSetup powerLaw(int n, int p, long m, double alpha, double beta, double lambda1, double c1,
                                  double noise, double decay, double temperature, double initVariance) {
    try (Spectrum s = Spectrum.powerLaw(n, alpha, beta, lambda1, c1, m)) {
      return of(new Problem(s, p, decay, noise, temperature, initVariance));
    }
  }

  /** The problem of the typical-case theory for this setup, on {@code spectrum} (from {@link #spectrum()}). */
  public Problem problem(Spectrum spectrum) {
    return new Problem(spectrum, samples, decay, noise, temperature, initVariance);
  }

  /** A new off-heap spectrum λ_k, c_k, τ of this setup (the caller closes it). */
  public Spectrum spectrum() {
    return Spectrum.of(lambda, c, tail);
  }

  /**
   * Off-heap bytes one draw holds at its peak, an estimate on the high side: the data Φ (P×N) and, for the
   * dual route, Φᵀ and V (N×P), plus about seven m×m matrices for the Gram matrix and the
   * eigen-solve of order m (the work matrix, its packed copy, Z and divide and conquer's three
   * merge buffers), m = min(N, P).
   */
  public long bytesPerDraw() {
    long n = modes();
    long p = samples;
    long m = Math.min(n, p);
    return Double.BYTES * (3 * n * p + 7 * m * m);
  }

  /** N, the number of learnable modes. */
  public int modes() {
    return lambda.length;
  }

  /** Kernel eigenvalues λ_1..λ_N (a copy). */
  public double[] lambda() {
    return lambda.clone();
  }

  /** Target powers c_1..c_N (a copy). */
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

  /** P, the number of training samples. */
  public int samples() {
    return samples;
  }

  /** σ², the label-noise variance. */
  public double noise() {
    return noise;
  }

  /** τ, the power of the unlearnable modes. */
  public double tail() {
    return tail;
  }

  /** γ, the weight decay. */
  public double decay() {
    return decay;
  }

  /** T, the Langevin temperature. */
  public double temperature() {
    return temperature;
  }

  /** σ0², the variance of the initial weights. */
  public double initVariance() {
    return initVariance;
  }

  /** The same problem with another number of samples. */
  public SimSetup withSamples(int p) {
    if (p < 1) {
      throw new IllegalArgumentException("P must be > 0, got " + p);
    }
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
