package org.dmftbench.model;

/**
 * A DMFT problem (spec §1, dmft.md): a spectrum and the training parameters.
 *
 * @param spectrum λ_k, c_k and the tail τ (not owned: the caller closes it)
 * @param p number of training samples P &gt; 0 (Double.POSITIVE_INFINITY: the population limit)
 * @param gamma weight decay γ ≥ 0
 * @param sigma2 label-noise variance σ² ≥ 0
 * @param temperature Langevin temperature T ≥ 0 (T &gt; 0 needs γ &gt; 0)
 * @param sigma0Sq variance σ0² ≥ 0 of the initial weights
 */
public record Problem(Spectrum spectrum, double p, double gamma, double sigma2, double temperature, double sigma0Sq) {

  public Problem {
    if (spectrum == null) {
      throw new IllegalArgumentException("no spectrum given");
    }
    if (Double.isNaN(p) || !(p > 0)) {
      throw new IllegalArgumentException("P must be > 0, got " + p);
    }
    Validation.nonNegativeFinite("gamma", gamma);
    Validation.nonNegativeFinite("sigma2", sigma2);
    Validation.nonNegativeFinite("T", temperature);
    Validation.nonNegativeFinite("sigma0^2", sigma0Sq);
    if (temperature > 0 && gamma == 0) {
      throw new IllegalArgumentException("T > 0 needs weight decay gamma > 0 (without it Langevin dynamics has no "
          + "stationary state)");
    }
  }

  /** Plain gradient flow from w(0) = 0 without noise. */
  public static Problem gradientFlow(Spectrum spectrum, double p) {
    return new Problem(spectrum, p, 0, 0, 0, 0);
  }

  /** 1/P (0 in the population limit). */
  public double invP() {
    return 1.0 / p;
  }

  /** σ_eff² = σ² + τ: the unlearnable tail acts as extra label noise. */
  public double sigmaEff2() {
    return sigma2 + spectrum.tau();
  }

  public Problem withP(double newP) {
    return new Problem(spectrum, newP, gamma, sigma2, temperature, sigma0Sq);
  }

  public Problem withGamma(double g) {
    return new Problem(spectrum, p, g, sigma2, temperature, sigma0Sq);
  }

  /** True when the ridgeless static limit diverges (γ = 0, P = N, noise present or not). */
  public boolean interpolationThreshold() {
    return gamma == 0 && p == spectrum.modes();
  }
}
