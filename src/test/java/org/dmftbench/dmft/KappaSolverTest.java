package org.dmftbench.dmft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmftbench.Tolerances;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.junit.jupiter.api.Test;

class KappaSolverTest {

  /** Every node of a contour meets the residual contract, checked independently after solving. */
  @Test
  void residualAtEveryContourNode() {
    double[][] cases = {{300, 0}, {300, 0.05}, {2000, 0}, {999, 0}, {1e9, 0}};
    for (double tc : new double[] {1e-2, 1, 1e3, 1e6}) {
      for (double[] c : cases) {
        try (Spectrum s = Spectrum.powerLaw(1000, 0.5, 0.5, 1, 1, 1000)) {
          Problem pr = new Problem(s, c[0], c[1], 0, 0, 0);
          KappaSolver solver = new KappaSolver(pr, Kernels.complex());
          ParabolicContour pc = new ParabolicContour(32, tc);
          int n = pc.n();
          double[] zRe = new double[n + 1], zIm = new double[n + 1], kRe = new double[n + 1], kIm = new double[n + 1];
          for (int j = 0; j <= n; j++) {
            zRe[j] = pc.sRe(j) + c[1];
            zIm[j] = pc.sIm(j);
          }
          solver.solveContour(zRe, zIm, n + 1, kRe, kIm);
          for (int j = 0; j <= n; j++) {
            double r = solver.relativeResidual(kRe[j], kIm[j], zRe[j], zIm[j]);
            String what = "P=" + c[0] + " gamma=" + c[1] + " tc=" + tc + " node " + j;
            assertTrue(r <= Tolerances.KAPPA_RESIDUAL_MAX, () -> what + " residual " + r);
            if (j > 0) {
              assertTrue(kIm[j] > 0, () -> what + ": Im kappa must follow Im z > 0 on the physical branch");
            }
          }
          assertTrue(kRe[0] > 0);
        }
      }
    }
  }

  /**
   * Static κ₀ for a weight decay far below κ₀ (γ = 1e-12, P &lt; N): the residual relative to γ cannot
   * be met in double precision, but κ₀ is found to rounding. Reference: the ridgeless root κ_r
   * (df₁(κ_r) = P) plus the first-order shift γ P/(df₁ − D₂) at κ_r (g'(κ_r) = (df₁ − D₂)/P).
   */
  @Test
  void staticRootForTinyDecay() {
    double p = 300;
    double gamma = 1e-12;
    try (Spectrum s = Spectrum.powerLaw(1000, 0.5, 0.5, 1, 1, 1000)) {
      KappaSolver solver = new KappaSolver(Problem.gradientFlow(s, p), Kernels.complex());
      double kr = solver.solveDf1EqualsP(p);
      double k = solver.solveStatic(gamma);
      double df1 = 0;
      double d2 = 0;
      for (double l : s.lambda().toArray()) {
        double q = l / (l + kr);
        df1 += q;
        d2 += q * q;
      }
      double shift = gamma * p / (df1 - d2);
      assertEquals(shift, k - kr, 1e-3 * shift, "kappa0 " + k + " vs ridgeless " + kr);
    }
  }

  /**
   * The pitfall of spec §3.2: for P &lt; N, γ = 0 and small real z, Newton from κ = z lands on a
   * spurious root (κ below the point where 1 − df₁/P changes sign); the bracketed solver does not.
   */
  @Test
  void bracketedSolverAvoidsTheSpuriousRoot() {
    try (Spectrum s = Spectrum.powerLaw(1000, 0.5, 0.5, 1, 1, 1000)) {
      Problem pr = Problem.gradientFlow(s, 300);
      KappaSolver solver = new KappaSolver(pr, Kernels.complex());
      double kappa0 = solver.solveDf1EqualsP(300);
      double z = 1e-5;
      double k = solver.solveReal(z);
      assertTrue(k > kappa0, "physical root lies above kappa0");
      assertTrue(solver.relativeResidual(k, 0, z, 0) <= Tolerances.KAPPA_RESIDUAL_MAX);
      // plain Newton from κ = z
      double[] lam = s.lambda().toArray();
      double x = z;
      for (int it = 0; it < 200; it++) {
        double df = 0, d2 = 0;
        for (double l : lam) {
          df += l / (l + x);
          d2 += l * l / ((l + x) * (l + x));
        }
        x -= (x * (1 - df / 300) - z) / (1 - d2 / 300);
      }
      assertTrue(Math.abs(x - k) > 0.5 * k, "naive Newton found " + x + ", the physical root is " + k);
    }
  }

  @Test
  void populationLimitIsTheIdentityAndBadInputFails() {
    try (Spectrum s = Spectrum.powerLaw(10, 0.5, 0.5, 1, 1, 10)) {
      KappaSolver solver = new KappaSolver(Problem.gradientFlow(s, Double.POSITIVE_INFINITY), Kernels.complex());
      assertEquals(0.37, solver.solveReal(0.37));
      KappaSolver finite = new KappaSolver(Problem.gradientFlow(s, 5), Kernels.complex());
      assertThrows(IllegalArgumentException.class, () -> finite.solveReal(-1));
      assertThrows(IllegalArgumentException.class, () -> finite.solveReal(Double.NaN));
      assertThrows(IllegalArgumentException.class, () -> finite.solveDf1EqualsP(20));
    }
  }
}
