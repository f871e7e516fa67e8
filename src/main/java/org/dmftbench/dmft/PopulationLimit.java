package org.dmftbench.dmft;

import org.dmftbench.model.Problem;

/**
 * The P → ∞ learning curve in closed form (spec §3.3, population gradient flow):
 * E_g(t) = Σ c_k [γ/(γ+λ_k) + λ_k/(γ+λ_k) e^{−(γ+λ_k)t}]² + T Σ λ_k (1 − e^{−2(γ+λ_k)t})/(γ+λ_k)
 *          + σ0² Σ λ_k e^{−2(γ+λ_k)t} + τ.
 * The independent reference of the contour method's accuracy tests and benchmarks.
 */
public final class PopulationLimit {

  private PopulationLimit() {
  }

  /** E_g(t) of the population limit for the problem's spectrum, γ, T, σ0² and τ (P is ignored). */
  public static double eg(Problem p, double t) {
    double[] lam = p.spectrum().lambda().toArray();
    double[] c = p.spectrum().c().toArray();
    double g = p.gamma(), temp = p.temperature(), s0 = p.sigma0Sq();
    double sum = 0;
    for (int k = lam.length - 1; k >= 0; k--) {
      double a = g + lam[k];
      double e = Math.exp(-a * t);
      double m = g / a + lam[k] / a * e;
      double tterm = temp == 0 ? 0 : temp * lam[k] * (-Math.expm1(-2 * a * t)) / a;
      sum += c[k] * m * m + tterm + s0 * lam[k] * e * e;
    }
    return sum + p.spectrum().tau();
  }

  /** R_Δ(t) = Σ λ_k e^{−(γ+λ_k)t} in the population limit. */
  public static double rDelta(Problem p, double t) {
    double[] lam = p.spectrum().lambda().toArray();
    double sum = 0;
    for (int k = lam.length - 1; k >= 0; k--) {
      sum += lam[k] * Math.exp(-(p.gamma() + lam[k]) * t);
    }
    return sum;
  }
}
