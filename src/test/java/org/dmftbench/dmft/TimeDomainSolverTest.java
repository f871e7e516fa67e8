package org.dmftbench.dmft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftbench.Tolerances;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The time-domain integration against the contour method (independent: Laplace inversion vs
 * Volterra stepping): R_Δ(t), the bias Σ λ Δ̄², the temperature and initialization terms, and the
 * observed order of the scheme when the step is halved.
 */
class TimeDomainSolverTest {

  private static final double[] TIMES = {0.5, 2, 5, 10};

  /** Max relative errors of R_Δ, bias, T term, σ0 term over TIMES. */
  private static double[] errors(Problem pr, ContourSolver cs, int steps) {
    TimeDomainSolver.Solution sol = new TimeDomainSolver(pr).solve(20, steps);
    double[] e = new double[4];
    for (double t : TIMES) {
      CurvePoint p = cs.point(t);
      e[0] = Math.max(e[0], Math.abs(sol.at(sol.rDelta(), t) / p.rDelta() - 1));
      e[1] = Math.max(e[1], Math.abs(sol.at(sol.bias(), t) / p.bias() - 1));
      if (pr.temperature() > 0) {
        e[2] = Math.max(e[2], Math.abs(pr.temperature() * sol.at(sol.rIntegral(), 2 * t) / p.temperatureTerm() - 1));
      }
      if (pr.sigma0Sq() > 0) {
        e[3] = Math.max(e[3], Math.abs(pr.sigma0Sq() * sol.at(sol.rDelta(), 2 * t) / p.initTerm() - 1));
      }
    }
    return e;
  }

  private static void check(Problem pr) {
    ContourSolver cs = new ContourSolver(pr);
    // h = 20/1600 = 0.0125: (h λ₁)² /12 ≈ 1.3e-5 relative per unit time, well inside 1e-4
    double[] coarse = errors(pr, cs, 800);
    double[] fine = errors(pr, cs, 1600);
    String[] names = {"R_Delta", "bias", "T term", "sigma0 term"};
    for (int i = 0; i < 4; i++) {
      if (fine[i] == 0) {
        continue;
      }
      int k = i;
      assertTrue(fine[i] <= Tolerances.TIME_DOMAIN_VS_CONTOUR, () -> names[k] + " rel error " + fine[k]);
      double order = Math.log(coarse[i] / fine[i]) / Math.log(2);
      assertEquals(2.0, order, 0.25, names[i] + " observed order (errors " + coarse[i] + " -> " + fine[i] + ")");
    }
  }

  @Test
  void gradientFlowBelowInterpolation() {
    try (Spectrum s = Spectrum.powerLaw(400, 0.5, 0.5, 1, 1, 400)) {
      check(new Problem(s, 200, 0, 0, 0, 0));
    }
  }

  @Test
  void weightDecayTemperatureInitialization() {
    try (Spectrum s = Spectrum.powerLaw(300, 1.0, 0.5, 1, 1, 300)) {
      check(new Problem(s, 600, 0.05, 0.1, 0.02, 0.3));
    }
  }

  @Test
  void badArguments() {
    try (Spectrum s = Spectrum.powerLaw(10, 0.5, 0.5, 1, 1, 10)) {
      TimeDomainSolver td = new TimeDomainSolver(Problem.gradientFlow(s, 5));
      assertThrows(IllegalArgumentException.class, () -> td.solve(0, 10));
      assertThrows(IllegalArgumentException.class, () -> td.solve(1, 1));
    }
  }
}
