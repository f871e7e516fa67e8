package org.dmftbench.dmft;

import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.model.Problem;

/**
 * The t → ∞ limits in closed form (spec §3.3): kernel ridge regression (γ &gt; 0), the ridgeless
 * interpolator (γ = 0, P &lt; N: df₁(κ₀) = P; P &gt; N: κ₀ = 0) and the Bayesian posterior (T &gt; 0):
 * <pre>
 *   E_g(∞) = [Σ c_k κ₀²/(κ₀+λ_k)² + σ_eff² D₂(κ₀,κ₀)/P] / (1 − D₂(κ₀,κ₀)/P) + T κ₀ df₁(κ₀)/γ
 *            + σ0² lim_{s→0} s R̂_Δ(s) + τ
 * </pre>
 * The σ0² term is σ0² κ₀ P when γ = 0 and P &lt; N (the initial weights' null-space component never
 * decays) and 0 otherwise. The training error is E_tr(∞) = (γ/κ₀)² [bias + variance + σ_eff²]
 * (0 for the ridgeless interpolator, σ_eff²(1 − N/P) for P &gt; N).
 */
public final class StaticLimits {

  /**
   * @param kappa0 κ₀
   * @param eg E_g(∞) of a sample
   * @param egMean E_g(∞) of the mean predictor (without the T term)
   * @param etr E_tr(∞) (NaN when T &gt; 0 or σ0 &gt; 0)
   * @param regime a short description of the limit used
   */
  public record Result(double kappa0, double eg, double egMean, double etr, String regime) {
  }

  private StaticLimits() {
  }

  public static Result solve(Problem p) {
    return solve(p, Kernels.complex());
  }

  public static Result solve(Problem p, ComplexKernels kernels) {
    int n = p.spectrum().modes();
    double gamma = p.gamma(), invP = p.invP(), se2 = p.sigmaEff2(), tau = p.spectrum().tau();
    double temp = p.temperature(), s0 = p.sigma0Sq();
    boolean etrDefined = temp == 0 && s0 == 0;
    if (gamma == 0 && p.p() == n) {
      throw new IllegalArgumentException("E_g(t -> infinity) diverges at the interpolation threshold P = N = " + n
          + " without weight decay (use gamma > 0 or P != N)");
    }
    if (gamma == 0 && p.p() > n) {
      double ratio = n * invP;
      double eg = se2 * ratio / (1 - ratio) + tau;
      return new Result(0, eg, eg, etrDefined ? se2 * (1 - ratio) : Double.NaN,
          invP == 0 ? "population limit, gamma = 0 (kappa0 = 0)" : "ridgeless, P > N (kappa0 = 0)");
    }
    KappaSolver solver = new KappaSolver(p, kernels);
    double k0;
    String regime;
    if (gamma > 0) {
      k0 = solver.solveStatic(gamma);
      regime = temp > 0 ? "Bayesian posterior (Langevin, T > 0, gamma > 0)" : "kernel ridge regression (gamma > 0)";
    } else {
      k0 = solver.solveDf1EqualsP(p.p());
      regime = "ridgeless interpolator, P < N (df1(kappa0) = P)";
    }
    double[] q = new double[ComplexKernels.MOMENTS];
    var lam = p.spectrum().lambda();
    kernels.moments(n, lam.segment(), p.spectrum().c().segment(), lam.offset(), k0, 0, q);
    double df1 = q[0], d2 = q[2], bias = k0 * k0 * q[6];
    double amp = 1 - d2 * invP;
    double core = (bias + se2 * d2 * invP) / amp;
    double init = gamma == 0 ? s0 * k0 * p.p() : 0;
    double tTerm = temp > 0 ? temp * k0 * df1 / gamma : 0;
    double mean = core + init + tau;
    double etr = !etrDefined ? Double.NaN : gamma == 0 ? 0 : (gamma / k0) * (gamma / k0) * (core + se2);
    return new Result(k0, mean + tTerm, mean, etr, regime);
  }
}
