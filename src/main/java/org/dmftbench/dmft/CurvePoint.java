package org.dmftbench.dmft;

/**
 * One point of a learning curve from the contour method, each quantity with its error estimate
 * (the difference between the {@code Tuning.CONTOUR_NODES} and {@code Tuning.ESTIMATE_NODES} rules
 * plus a rounding bound).
 *
 * @param t training time
 * @param eg E_g(t) of a sample of the dynamics (spec §3.2, including T and σ0² terms and τ)
 * @param egError error estimate of {@code eg}
 * @param egMean error of the mean predictor (Langevin noise averaged first: E_g without the T term)
 * @param egMeanError its error estimate
 * @param etr training error E_tr(t) (defined for T = 0 and σ0 = 0; NaN otherwise)
 * @param etrError its error estimate (NaN when etr is)
 * @param bias mean-trajectory part Σ_k λ_k Δ̄_k(t)² = L₂⁻¹[B/(s₁s₂)](t,t)
 * @param biasError its error estimate
 * @param rDelta collective response R_Δ(t) = L⁻¹[(κ/z) df₁(κ)](t)
 * @param rDeltaError its error estimate
 * @param temperatureTerm T·L⁻¹[R̂_Δ/s](2t)
 * @param initTerm σ0²·L⁻¹[R̂_Δ](2t)
 */
public record CurvePoint(double t, double eg, double egError, double egMean, double egMeanError,
                         double etr, double etrError, double bias, double biasError,
                         double rDelta, double rDeltaError, double temperatureTerm, double initTerm) {

  /** Relative error estimate of E_g. */
  public double egRelativeError() {
    return egError / Math.abs(eg);
  }
}
