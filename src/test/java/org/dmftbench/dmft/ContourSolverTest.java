package org.dmftbench.dmft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dmftbench.Tolerances;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.junit.jupiter.api.Test;

class ContourSolverTest {

  static double[] logTimes(double lo, double hi, int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = lo * Math.pow(hi / lo, i / (n - 1.0));
    }
    return t;
  }

  /**
   * Relative error against the P → ∞ closed form, also checking that the error estimate is honest.
   * Where E_g has decayed below 1e-6·E_g(0) (finite N, e^{−2λ_N t}) relative accuracy is meaningless
   * in double precision; there the error is measured against 1e-6·E_g(0), i.e. absolute ≤ 1e-12 E_g(0).
   */
  private static void checkPopulation(double alpha, double beta, double gamma, double temp, double s0sq, double p,
                                      long tailM) {
    try (Spectrum s = Spectrum.powerLaw(800, alpha, beta, 1, 1, tailM)) {
      Problem pr = new Problem(s, p, gamma, 0, temp, s0sq);
      ContourSolver cs = new ContourSolver(pr);
      List<CurvePoint> pts = cs.curve(logTimes(1e-2, 1e6, 25));
      double finiteP = Double.isInfinite(p) ? 0 : 4 * s.modes() / p;   // O(N/P) model difference
      for (CurvePoint c : pts) {
        double ref = PopulationLimit.eg(pr, c.t());
        // relative accuracy where E_g is not yet negligible; below 1e-6 E_g(0) an absolute floor
        double rel = ref >= 1e-6 * cs.eg0() ? Math.abs(c.eg() / ref - 1) : Math.abs(c.eg() - ref) / (1e-6 * cs.eg0());
        String what = String.format("alpha=%s beta=%s gamma=%s T=%s s0=%s P=%s t=%.3g: %.17g vs %.17g",
            alpha, beta, gamma, temp, s0sq, p, c.t(), c.eg(), ref);
        assertTrue(rel <= Tolerances.CONTOUR_VS_CLOSED_FORM, () -> what + " rel " + rel);
        if (finiteP == 0) {
          assertTrue(Math.abs(c.eg() - ref) <= c.egError() + 1e-14 * ref, () -> what + " error estimate "
              + c.egError() + " below the true error " + Math.abs(c.eg() - ref));
          assertTrue(c.egError() < 1e-8 * cs.eg0(), () -> what + " error estimate too coarse: " + c.egError());
        }
      }
      assertTrue(cs.maxKappaResidual() <= Tolerances.KAPPA_RESIDUAL_MAX);
    }
  }

  @Test
  void populationLimitGradientFlow() {
    checkPopulation(0.5, 0.5, 0, 0, 0, Double.POSITIVE_INFINITY, 800);
    checkPopulation(1.0, 0.3, 0, 0, 0, Double.POSITIVE_INFINITY, 100_000);
  }

  @Test
  void populationLimitWeightDecayTemperatureInit() {
    checkPopulation(0.5, 1.5, 1e-3, 0.05, 0.3, Double.POSITIVE_INFINITY, 800);
    checkPopulation(0.25, 0.75, 0.1, 0, 1.0, Double.POSITIVE_INFINITY, 800);
  }

  @Test
  void largeFinitePApproachesThePopulationLimit() {
    // the finite-P path (Newton continuation, divided differences) with N/P = 8e-10
    checkPopulation(0.5, 0.5, 1e-2, 0.01, 0.1, 1e12, 800);
  }

  private static void checkStatic(Problem pr) {
    ContourSolver cs = new ContourSolver(pr);
    StaticLimits.Result st = StaticLimits.solve(pr);
    CurvePoint p = cs.point(1e6);
    assertEquals(st.eg(), p.eg(), Tolerances.CONTOUR_VS_STATIC * st.eg(), "E_g(inf) " + st.regime());
    assertEquals(st.egMean(), p.egMean(), Tolerances.CONTOUR_VS_STATIC * st.egMean(), "mean predictor " + st.regime());
    if (!Double.isNaN(st.etr())) {
      assertEquals(st.etr(), p.etr(), Tolerances.CONTOUR_VS_STATIC * Math.max(st.etr(), st.eg()), "E_tr " + st.regime());
    }
    assertTrue(cs.maxKappaResidual() <= Tolerances.KAPPA_RESIDUAL_MAX);
  }

  @Test
  void lateTimesReachTheStaticClosedForms() {
    try (Spectrum s = Spectrum.powerLaw(600, 0.5, 0.5, 1, 1, 5000)) {
      checkStatic(new Problem(s, 300, 0.05, 0.1, 0, 0));          // kernel ridge regression
      checkStatic(new Problem(s, 300, 0.05, 0.1, 0.02, 0));       // Bayesian posterior
      checkStatic(new Problem(s, 300, 0, 0.1, 0, 0));             // ridgeless, P < N
      checkStatic(new Problem(s, 300, 0, 0.1, 0, 0.25));          // ridgeless, P < N, initial weights persist
      checkStatic(new Problem(s, 1500, 0, 0.1, 0, 0));            // ridgeless, P > N
    }
  }

  @Test
  void earlyTimeIsTheInitialError() {
    try (Spectrum s = Spectrum.powerLaw(500, 0.5, 0.5, 1, 1, 2000)) {
      Problem pr = new Problem(s, 200, 0.01, 0.1, 0.0, 0.2);
      ContourSolver cs = new ContourSolver(pr);
      double e0 = s.sumC() + 0.2 * s.sumLambda() + s.tau();
      assertEquals(e0, cs.eg0(), 1e-15 * e0);
      // dE/dt at 0 is O(Σ λ (c + σ0² λ)) ≈ 3: at t = 1e-10 the curve is within 1e-9 of E_g(0)
      assertEquals(e0, cs.point(1e-10).eg(), 1e-9 * e0);
    }
  }

  @Test
  void interpolationPeakAndMonotonicityWithoutNoise() {
    try (Spectrum s = Spectrum.powerLaw(400, 0.5, 0.5, 1, 1, 400)) {
      ContourSolver cs = new ContourSolver(Problem.gradientFlow(s, 200));
      List<CurvePoint> pts = cs.curve(logTimes(1e-2, 1e6, 30));
      for (int i = 1; i < pts.size(); i++) {
        assertTrue(pts.get(i).eg() <= pts.get(i - 1).eg() + pts.get(i).egError(), "noise-free gradient flow decreases");
        CurvePoint p = pts.get(i);
        assertTrue(p.eg() > 0 && p.etr() >= -p.etrError() - 1e-15, () -> "no spurious branch at t=" + p.t() + ": E_g="
            + p.eg() + " E_tr=" + p.etr() + " +- " + p.etrError());
      }
    }
  }

  @Test
  void timeExponentFromLocalSlope() {
    // N → ∞ scaling E_g ∝ t^(−β/(1+α)) (spec §3.4), population limit, 1 ≪ t ≪ 1/λ_N
    double alpha = 0.5, beta = 0.5;
    try (Spectrum s = Spectrum.powerLaw(200_000, alpha, beta, 1, 1, 200_000)) {
      ContourSolver cs = new ContourSolver(Problem.gradientFlow(s, Double.POSITIVE_INFINITY));
      List<CurvePoint> p = cs.curve(new double[] {1e2, 1e3});
      double slope = Math.log(p.get(1).eg() / p.get(0).eg()) / Math.log(10);   // t ≪ 1/λ_N ≈ 9e7
      assertEquals(-beta / (1 + alpha), slope, 0.03, "local slope d log E_g / d log t");
    }
  }

  @Test
  void badTimesAreRejected() {
    try (Spectrum s = Spectrum.powerLaw(10, 0.5, 0.5, 1, 1, 10)) {
      ContourSolver cs = new ContourSolver(Problem.gradientFlow(s, 5));
      assertThrows(IllegalArgumentException.class, () -> cs.point(0));
      assertThrows(IllegalArgumentException.class, () -> cs.point(Double.NaN));
      assertThrows(IllegalArgumentException.class, () -> StaticLimits.solve(Problem.gradientFlow(s, 10)));
    }
  }
}
