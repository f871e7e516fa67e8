package org.dmftbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftbench.Tolerances;
import org.dmftbench.dmft.EarlyStopping;
import org.dmftbench.dmft.PopulationLimit;
import org.dmftbench.dmft.StaticLimits;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.junit.jupiter.api.Test;

/** Scaling exponents of spec §3.4 fitted from the theory's limits, and the fit machinery itself. */
class ScalingLawTest {

  /** Power-law spectrum with λ_1 = c_1 = 1. */
  private static Spectrum powerLaw(int n, long m, double alpha, double beta) {
    return Spectrum.powerLaw(n, alpha, beta, 1, 1, m);
  }

  /** df₁(κ) = Σ λ_k/(λ_k + κ), summed here as the reference for κ₀. */
  private static double df1(Spectrum s, double kappa) {
    double sum = 0;
    for (double l : s.lambda().toArray()) {
      sum += l / (l + kappa);
    }
    return sum;
  }

  private static double[] logGrid(double lo, double hi, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo * Math.pow(hi / lo, i / (double) (n - 1));
    }
    return x;
  }

  @Test
  void fitRecoversExactPowerLawAndReportsScatter() {
    double[] x = logGrid(1, 1e4, 9);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 3 * Math.pow(x[i], -0.7);
    }
    ScalingFit f = ScalingFit.fit(x, y, 1, 1e4);
    assertEquals(-0.7, f.slope(), 1e-13);
    assertEquals(Math.log(3), f.intercept(), 1e-12);
    assertTrue(f.slopeError() < 1e-12);
    for (double s : ScalingFit.localSlopes(x, y)) {
      assertEquals(-0.7, s, 1e-12);
    }
    // Known regression: points (1,1),(e,e^-1),(e^2,e^-1) in log space (0,0),(1,-1),(2,-1):
    // slope −1/2, residuals (1/6, −1/3, 1/6), s² = 1/6, Σdx² = 2 → SE = √(1/12).
    double e = Math.E;
    ScalingFit g = ScalingFit.fit(new double[] {1, e, e * e}, new double[] {1, 1 / e, 1 / e}, 0, 10);
    assertEquals(-0.5, g.slope(), 1e-14);
    assertEquals(Math.sqrt(1.0 / 12), g.slopeError(), 1e-14);
    assertThrows(IllegalArgumentException.class, () -> ScalingFit.fit(x, y, 2e4, 3e4));
  }

  @Test
  void timeExponentFromPopulationCurve() {
    double alpha = 0.5;
    double beta = 0.5;
    double[] t = logGrid(1e1, 1e3, 9);
    double[] e = new double[t.length];
    try (Spectrum s = powerLaw(1_000_000, 1_000_000, alpha, beta)) {
      Problem population = Problem.gradientFlow(s, Double.POSITIVE_INFINITY);
      for (int i = 0; i < t.length; i++) {
        e[i] = PopulationLimit.eg(population, t[i]);
      }
    }
    ScalingFit f = ScalingFit.fit(t, e, 1e1, 1e3);
    assertEquals(ScalingFit.theoreticalTimeSlope(alpha, beta), f.slope(), Tolerances.SIM_EXPONENT_ABS);
  }

  @Test
  void dataExponentFromStaticLimitRidgelessAndWithDecay() {
    double alpha = 0.5;
    double beta = 0.5;
    double[] p = logGrid(1e2, 1e4, 7);
    double[] e = new double[p.length];
    double[] eDecay = new double[p.length];
    try (Spectrum s = powerLaw(1_000_000, 1_000_000, alpha, beta)) {
      for (int i = 0; i < p.length; i++) {
        e[i] = StaticLimits.solve(Problem.gradientFlow(s, p[i])).eg();
        eDecay[i] = StaticLimits.solve(Problem.gradientFlow(s, p[i]).withGamma(1e-12)).eg();
      }
    }
    double want = ScalingFit.theoreticalDataSlope(alpha, beta);
    assertEquals(want, ScalingFit.fit(p, e, 1e2, 1e4).slope(), Tolerances.SIM_EXPONENT_ABS);
    assertEquals(want, ScalingFit.fit(p, eDecay, 1e2, 1e4).slope(), Tolerances.SIM_EXPONENT_ABS);
  }

  @Test
  void dataExponentSaturatesAtTwoOnePlusAlphaForLargeBeta() {
    // β > 2(1+α): the exponent is 2(1+α) = 4 for α = 1 (spec §3.4). β = 6 keeps the correction
    // P^-(β − 2(1+α)) small, and α = 1 the truncation correction (P/N)^α (with α = 0.2 it is O(1)).
    double alpha = 1;
    double beta = 6;
    double[] p = logGrid(1e2, 1e4, 7);
    double[] e = new double[p.length];
    try (Spectrum s = powerLaw(1_000_000, 1_000_000, alpha, beta)) {
      for (int i = 0; i < p.length; i++) {
        e[i] = StaticLimits.solve(Problem.gradientFlow(s, p[i])).eg();
      }
    }
    assertEquals(ScalingFit.theoreticalDataSlope(alpha, beta), ScalingFit.fit(p, e, 1e2, 1e4).slope(),
        Tolerances.SIM_EXPONENT_ABS);
  }

  @Test
  void modelSizeExponentFromTail() {
    double beta = 0.5;
    double[] n = logGrid(1e2, 1e4, 7);
    double[] e = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      try (Spectrum s = powerLaw((int) Math.round(n[i]), Long.MAX_VALUE, 0.5, beta)) {
        e[i] = PopulationLimit.eg(Problem.gradientFlow(s, Double.POSITIVE_INFINITY), Double.POSITIVE_INFINITY);
      }
    }
    assertEquals(ScalingFit.theoreticalModelSlope(beta), ScalingFit.fit(n, e, 1e2, 1e4).slope(), Tolerances.SIM_EXPONENT_ABS);
  }

  @Test
  void kappaSolvesItsEquation() {
    try (Spectrum s = powerLaw(5000, 5000, 0.5, 0.5)) {
      double k = StaticLimits.solve(Problem.gradientFlow(s, 300)).kappa0();
      assertEquals(300, df1(s, k), 1e-10);
      double g = 1e-3;
      double k2 = StaticLimits.solve(Problem.gradientFlow(s, 300).withGamma(g)).kappa0();
      assertEquals(g, k2 * (1 - df1(s, k2) / 300), 1e-15);
      assertEquals(0, StaticLimits.solve(Problem.gradientFlow(s, 6000)).kappa0());
    }
  }

  @Test
  void earlyStoppingFindsParabolaVertex() {
    double[] t = logGrid(1e-2, 1e2, 41);
    double[] e = new double[t.length];
    double xs = Math.log(0.37);
    for (int i = 0; i < t.length; i++) {
      double d = Math.log(t[i]) - xs;
      e[i] = 0.2 + 0.05 * d * d;
    }
    EarlyStopping.Sampled o = EarlyStopping.ofSamples(t, e);
    assertTrue(o.interior());
    assertEquals(0.37, o.time(), 1e-12);
    assertEquals(0.2, o.error(), 1e-14);
  }
}
