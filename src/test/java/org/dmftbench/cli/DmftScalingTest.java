package org.dmftbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dmftbench.Tolerances;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.dmftbench.sim.ScalingFit;
import org.junit.jupiter.api.Test;

/**
 * The time exponent of spec §3.4 fitted from the DMFT contour solver at finite P, two decades of t
 * well below the data-limited time P^(1+α) ≈ 3e6 and 1/λ_N ≈ 3e7.
 */
class DmftScalingTest {

  @Test
  void timeExponentFromDmftCurve() {
    double alpha = 0.5;
    double beta = 0.5;
    int n = 100_000;
    double[] lambda = new double[n];
    double[] c = new double[n];
    for (int k = 1; k <= n; k++) {
      lambda[k - 1] = Math.pow(k, -(1 + alpha));
      c[k - 1] = Math.pow(k, -(1 + beta));
    }
    // P = 20000 with N = 100000 as a spectrum only (the DMFT never forms a P×N matrix).
    double[] t = new double[9];
    for (int i = 0; i < t.length; i++) {
      t[i] = 10 * Math.pow(100, i / 8.0);
    }
    double[] eg;
    try (Spectrum s = Spectrum.of(lambda, c, 0)) {
      eg = Theory.curve(Problem.gradientFlow(s, 20_000), t);
    }
    ScalingFit fit = ScalingFit.fit(t, eg, 10, 1000);
    assertEquals(ScalingFit.theoreticalTimeSlope(alpha, beta), fit.slope(), Tolerances.SIM_EXPONENT_ABS,
        "fit " + fit);
  }
}
