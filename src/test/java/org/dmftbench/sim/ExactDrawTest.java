package org.dmftbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import org.dmftbench.Tolerances;
import org.dmftbench.linalg.Workspace;
import org.junit.jupiter.api.Test;

/**
 * One draw's exact curve (eigen route) against a direct RK4 integration of the training ODE
 * dw/dt = −(A+γ)w + b on the same data, and, for the Langevin term, of the covariance ODE
 * dC/dt = −HC − CH + 2T I whose trace against Λ is the expected thermal error.
 */
class ExactDrawTest {

  private static final double[] TIMES = {0, 0.1, 1, 5, 20, 60};
  /** Shorter horizon for the Langevin case, whose reference integrates an N×N matrix ODE. */
  private static final double[] TIMES_LANGEVIN = {0, 0.1, 1, 5, 12};
  private static final double STEP = 1e-3;
  /** Enough time points for the curve to apply V to a skeleton of its time columns only (see ExactDraw). */
  private static final double[] MANY_TIMES = logSpaced(0.1, 1e4, 64);

  private static double[] logSpaced(double from, double to, int count) {
    double[] t = new double[count];
    for (int j = 0; j < count; j++) {
      t[j] = from * Math.pow(to / from, j / (count - 1.0));
    }
    return t;
  }

  /** The training ODE dw/dt = −Hw + b of a draw: H = ΦᵀΦ/P + γI, b = Φᵀy/P, by plain loops. */
  private record Flow(double[][] h, double[] b) {
    static Flow of(SimSetup s, DrawGenerator.Data d) {
      int n = s.modes();
      int p = s.samples();
      double[][] phi = d.phi().toArray();
      double[] y = d.labels().toArray();
      double[][] h = new double[n][n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          for (int mu = 0; mu < p; mu++) {
            sum += phi[mu][i] * phi[mu][j];
          }
          h[i][j] = sum / p + (i == j ? s.decay() : 0);
        }
        double sb = 0;
        for (int mu = 0; mu < p; mu++) {
          sb += phi[mu][i] * y[mu];
        }
        b[i] = sb / p;
      }
      return new Flow(h, b);
    }
  }

  /** Independent reference: heap arrays, plain loops, RK4. */
  private static double[][] rk4Reference(SimSetup s, DrawGenerator.Data d, double[] times) {
    int n = s.modes();
    int p = s.samples();
    double[][] phi = d.phi().toArray();
    double[] y = d.labels().toArray();
    double[] eps = d.noise().toArray();
    Flow flow = Flow.of(s, d);
    double[][] h = flow.h();
    double[] b = flow.b();
    double[] w = d.initialWeights().toArray();
    double[][] c = new double[n][n];
    double[] wbar = d.target();
    double[] eg = new double[times.length];
    double[] etr = new double[times.length];
    double t = 0;
    for (int j = 0; j < times.length; j++) {
      int steps = (int) Math.round((times[j] - t) / STEP);
      for (int st = 0; st < steps; st++) {
        w = rk4Vector(h, b, w, STEP);
        if (s.temperature() > 0) {
          c = rk4Lyapunov(h, c, STEP, s.temperature());
        }
      }
      t = times[j];
      double e = 0;
      for (int k = 0; k < n; k++) {
        double dk = w[k] - wbar[k];
        e += s.lambda(k + 1) * dk * dk + s.temperature() * s.lambda(k + 1) * c[k][k];
      }
      eg[j] = e + s.tail();
      double r = 0;
      for (int mu = 0; mu < p; mu++) {
        double res = -y[mu];
        for (int k = 0; k < n; k++) {
          res += phi[mu][k] * w[k];
        }
        r += res * res;
      }
      etr[j] = r / p;
    }
    assertTrue(eps.length == p);
    return new double[][] {eg, etr};
  }

  private static double[] field(double[][] h, double[] b, double[] w) {
    int n = w.length;
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < n; k++) {
        s -= h[i][k] * w[k];
      }
      f[i] = s;
    }
    return f;
  }

  private static double[] rk4Vector(double[][] h, double[] b, double[] w, double dt) {
    int n = w.length;
    double[] k1 = field(h, b, w);
    double[] k2 = field(h, b, axpy(w, k1, dt / 2));
    double[] k3 = field(h, b, axpy(w, k2, dt / 2));
    double[] k4 = field(h, b, axpy(w, k3, dt));
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = w[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return out;
  }

  private static double[] axpy(double[] w, double[] k, double a) {
    double[] o = w.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] += a * k[i];
    }
    return o;
  }

  /** RK4 on dC/dt = −HC − CH + 2I (temperature factored out: C here is Cov/T). */
  private static double[][] rk4Lyapunov(double[][] h, double[][] c, double dt, double temperature) {
    double[][] k1 = lyap(h, c);
    double[][] k2 = lyap(h, add(c, k1, dt / 2));
    double[][] k3 = lyap(h, add(c, k2, dt / 2));
    double[][] k4 = lyap(h, add(c, k3, dt));
    int n = c.length;
    double[][] o = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        o[i][j] = c[i][j] + dt / 6 * (k1[i][j] + 2 * k2[i][j] + 2 * k3[i][j] + k4[i][j]);
      }
    }
    return o;
  }

  /** −HC − CH + 2I for symmetric C: (HC)ᵀ = CH, so one product. */
  private static double[][] lyap(double[][] h, double[][] c) {
    int n = c.length;
    double[][] hc = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double hik = h[i][k];
        double[] ck = c[k];
        double[] row = hc[i];
        for (int j = 0; j < n; j++) {
          row[j] += hik * ck[j];
        }
      }
    }
    double[][] f = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        f[i][j] = (i == j ? 2 : 0) - hc[i][j] - hc[j][i];
      }
    }
    return f;
  }

  private static double[][] add(double[][] c, double[][] k, double a) {
    int n = c.length;
    double[][] o = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        o[i][j] = c[i][j] + a * k[i][j];
      }
    }
    return o;
  }

  /** Every route given, with the factored and the explicit eigenbasis, against one RK4 reference. */
  private static void check(SimSetup s, ExactDraw.Route... routes) {
    double[] times = s.temperature() > 0 ? TIMES_LANGEVIN : ExactDrawTest.TIMES;
    try (Arena arena = Arena.ofConfined()) {
      DrawGenerator.Data d = DrawGenerator.generate(arena, s, 42, 3);
      double[][] ref = rk4Reference(s, d, times);
      for (ExactDraw.Route route : routes) {
        for (SymmetricEigen eigen : new SymmetricEigen[] {SymmetricEigen.standard(),
            SymmetricEigen.of(org.dmftbench.eigen.EigenSolvers.householderDivideAndConquer())}) {
          ExactDraw.Curve c = new ExactDraw(s, times, eigen).evaluate(arena, d, route);
          for (int j = 0; j < times.length; j++) {
            String what = route + " " + eigen.name() + " at t = " + times[j];
            assertEquals(ref[0][j], c.generalization()[j], Tolerances.SIM_EXACT_REL * ref[0][j], "E_g " + what);
            if (s.temperature() == 0) {
              assertEquals(ref[1][j], c.training()[j], Tolerances.SIM_EXACT_REL * ref[1][0], "E_tr " + what);
            } else {
              assertNull(c.training());
            }
          }
        }
      }
    }
  }

  @Test
  void gradientFlowMatchesRk4BothRoutes() {
    SimSetup s = SimSetup.powerLaw(30, 20, 30, 0.5, 0.5, 1, 1, 0, 0, 0, 0);
    check(s, ExactDraw.Route.PRIMAL, ExactDraw.Route.DUAL);
  }

  @Test
  void noiseTailDecayInitMatchRk4BothRoutes() {
    SimSetup s = SimSetup.powerLaw(30, 20, 90, 0.5, 0.5, 1, 1, 0.1, 1e-2, 0, 0.3);
    check(s, ExactDraw.Route.PRIMAL, ExactDraw.Route.DUAL);
  }

  @Test
  void langevinTermMatchesLyapunovOde() {
    SimSetup s = SimSetup.powerLaw(30, 20, 30, 0.5, 0.5, 1, 1, 0.05, 5e-2, 1e-2, 0.2);
    check(s, ExactDraw.Route.PRIMAL, ExactDraw.Route.DUAL);
  }

  @Test
  void moreSamplesThanModesMatchesRk4() {
    SimSetup s = SimSetup.powerLaw(20, 37, 20, 0.7, 0.3, 1, 1, 0.2, 0, 0, 0.1);
    check(s, ExactDraw.Route.PRIMAL, ExactDraw.Route.AUTO);
  }

  /**
   * Near interpolation (P &lt; N, no weight decay, label noise) E_tr(t) falls by nine decades and its
   * eigen-coordinate form cancels: every time point, on either side of
   * {@link Tolerances#SIM_TRAINING_CANCELLATION}, must match ‖Φw(t) − y‖²/P formed directly from w(t)
   * by Commons Math's eigen-decomposition of A to 1e-7 relative. Measured: at most 8e-9 (dual route,
   * t = 5000, E_tr = 4e-9·‖ε‖²/P); the eigen-coordinate form alone would be off by 3e-6 there.
   */
  @Test
  void trainingErrorStaysAccurateNearInterpolation() {
    SimSetup s = SimSetup.powerLaw(30, 20, 30, 0.5, 0.5, 1, 1, 0.1, 0, 0, 0.3);
    double[] times = {0, 1, 10, 1e2, 3e2, 1e3, 2e3, 3e3, 4e3, 5e3};
    try (Arena arena = Arena.ofConfined()) {
      DrawGenerator.Data d = DrawGenerator.generate(arena, s, 42, 3);
      int n = s.modes();
      int p = s.samples();
      double[][] phi = d.phi().toArray();
      double[] y = d.labels().toArray();
      Flow flow = Flow.of(s, d);
      double[] b = flow.b();
      org.apache.commons.math3.linear.EigenDecomposition eig =
          new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(flow.h()));
      double[][] v = eig.getV().getData();
      double[] a = eig.getRealEigenvalues();
      double[] w0 = d.initialWeights().toArray();
      double e0 = 0;
      for (double e : d.noise().toArray()) {
        e0 += e * e / p;
      }
      double smallest = Double.POSITIVE_INFINITY;
      for (SymmetricEigen eigen : new SymmetricEigen[] {SymmetricEigen.standard(),
          SymmetricEigen.of(org.dmftbench.eigen.EigenSolvers.householderDivideAndConquer())}) {
        for (ExactDraw.Route route : new ExactDraw.Route[] {ExactDraw.Route.PRIMAL, ExactDraw.Route.DUAL}) {
          double[] etr = new ExactDraw(s, times, eigen).evaluate(arena, d, route).training();
          for (int j = 0; j < times.length; j++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
              double ai = Math.max(a[i], 0);
              double p0 = 0;
              double pb = 0;
              for (int k = 0; k < n; k++) {
                p0 += v[k][i] * w0[k];
                pb += v[k][i] * b[k];
              }
              double ui = Math.exp(-ai * times[j]) * p0 + ExactDraw.phi(ai, times[j]) * pb;
              for (int k = 0; k < n; k++) {
                w[k] += v[k][i] * ui;
              }
            }
            double ref = 0;
            for (int mu = 0; mu < p; mu++) {
              double r = -y[mu];
              for (int k = 0; k < n; k++) {
                r += phi[mu][k] * w[k];
              }
              ref += r * r / p;
            }
            smallest = Math.min(smallest, ref / e0);
            assertEquals(ref, etr[j], 1e-7 * ref, "E_tr " + route + " " + eigen.name() + " at t = " + times[j]);
          }
        }
      }
      assertTrue(smallest < 1e-3 * Tolerances.SIM_TRAINING_CANCELLATION,
          "the times must reach far below the cancellation threshold, smallest E_tr/(|eps|^2/P) = " + smallest);
    }
  }

  /**
   * The same draw, solved again and again while the JIT compiles the kernels under it, gives the
   * same bits every time (the Vector API's reduceLanes(ADD) rounded differently once compiled, so
   * results used to change by an ulp mid-run, and with nearly equal eigenvalues more than that).
   */
  @Test
  void sameDrawGivesTheSameBitsWhileTheJitCompiles() {
    SimSetup s = SimSetup.powerLaw(96, 96, 96, 0.5, 0.5, 1, 1, 0.1, 1e-3, 0, 0);
    ExactDraw exact = new ExactDraw(s, MANY_TIMES, SymmetricEigen.standard());
    ExactDraw.Curve first = exact.run(7, 3, ExactDraw.Route.PRIMAL);
    for (int rep = 0; rep < 200; rep++) {
      ExactDraw.Curve c = exact.run(7, 3, ExactDraw.Route.PRIMAL);
      assertTrue(java.util.Arrays.equals(first.generalization(), c.generalization())
          && java.util.Arrays.equals(first.training(), c.training()), "repetition " + rep + " differs");
    }
  }

  /**
   * A draw in a frame of a reused workspace gives the bits of a draw in a fresh arena, in every
   * regime and route, whatever ran in the workspace before (larger and smaller draws leave data behind);
   * also in a poisoned workspace, whose uninitialized allocations hold NaNs: no storage allocated
   * uninitialized is read before it is written.
   */
  @Test
  void workspaceGivesTheSameBitsAsAFreshArena() {
    SimSetup[] setups = {
      SimSetup.powerLaw(40, 40, 40, 0.5, 0.5, 1, 1, 0.1, 1e-3, 0, 0),
      SimSetup.powerLaw(30, 20, 60, 0.5, 0.5, 1, 1, 0.1, 1e-2, 0, 0.3),
      SimSetup.powerLaw(30, 20, 30, 0.5, 0.5, 1, 1, 0.05, 5e-2, 1e-2, 0.2),
      SimSetup.powerLaw(20, 37, 20, 0.7, 0.3, 1, 1, 0.2, 0, 0, 0.1),
    };
    for (Workspace ws : new Workspace[] {new Workspace(), Workspace.poisoned()}) {
      try (ws) {
        for (int round = 0; round < 2; round++) {
          for (SimSetup s : setups) {
            for (ExactDraw.Route route : new ExactDraw.Route[] {ExactDraw.Route.PRIMAL, ExactDraw.Route.AUTO}) {
              for (double[] times : new double[][] {TIMES, MANY_TIMES}) {
                ExactDraw exact = new ExactDraw(s, times, SymmetricEigen.standard());
                ExactDraw.Curve fresh = exact.run(11, round, route);
                ExactDraw.Curve reused = exact.run(ws, 11, round, route);
                String what = s + " " + route + " round " + round + ", " + times.length + " times";
                assertTrue(java.util.Arrays.equals(fresh.generalization(), reused.generalization()), what);
                assertTrue(java.util.Arrays.equals(fresh.training(), reused.training()), what);
              }
            }
          }
        }
      }
    }
  }

  /**
   * With many time points the curve applies V only to a skeleton of its time columns X and rebuilds
   * the others (ExactDraw, an interpolative decomposition): every regime and route must give, at every
   * time, what the same draw gives with that time alone (one column, V applied to it directly), E_g to
   * twice {@link Tolerances#SIM_TIME_SKELETON_REL} (the bound ExactDraw enforces, plus the rounding of
   * two differently shaped products, ~1e-15), E_tr to {@link Tolerances#SIM_EXACT_REL} (its times near
   * interpolation, where it is formed from Δ, have Δ formed directly). The last setup reaches
   * interpolation (P &lt; N, no weight decay) so that E_tr's residual fallback runs on the reused path.
   * That the path is taken: V was applied directly to fewer columns than there are times.
   */
  @Test
  void manyTimesAgreeWithEachTimeAlone() {
    SimSetup[] setups = {
      SimSetup.powerLaw(120, 120, 120, 0.5, 0.5, 1, 1, 0.1, 1e-3, 0, 0),
      SimSetup.powerLaw(90, 60, 180, 0.5, 0.5, 1, 1, 0.1, 1e-2, 0, 0.3),
      SimSetup.powerLaw(40, 30, 40, 0.5, 0.5, 1, 1, 0.05, 5e-2, 1e-2, 0.2),
      SimSetup.powerLaw(80, 50, 80, 0.5, 0.5, 1, 1, 0.1, 0, 0, 0.3),
    };
    double[][] timeSets = {MANY_TIMES, MANY_TIMES, MANY_TIMES, logSpaced(0.1, 1e7, 48)};
    for (int q = 0; q < setups.length; q++) {
      SimSetup s = setups[q];
      double[] times = timeSets[q];
      for (ExactDraw.Route route : new ExactDraw.Route[] {ExactDraw.Route.PRIMAL, ExactDraw.Route.AUTO}) {
        ExactDraw.Curve all = new ExactDraw(s, times, SymmetricEigen.standard()).run(5, 1, route);
        // columns rebuilt from the skeleton (the interpolation setup forms more of them directly: those
        // whose E_tr falls back to the residual)
        assertTrue(all.directColumns() < times.length,
            "V on a skeleton, not on all " + times.length + " columns: " + all.directColumns() + " " + s + " " + route);
        assertEquals(times.length,
            new ExactDraw(s, times, SymmetricEigen.standard()).everyTimeDirect().run(5, 1, route).directColumns());
        for (int j = 0; j < times.length; j++) {
          ExactDraw.Curve one = new ExactDraw(s, new double[] {times[j]}, SymmetricEigen.standard()).run(5, 1, route);
          assertEquals(1, one.directColumns());
          String what = s + " " + route + " at t = " + times[j];
          double eg = one.generalization()[0];
          assertEquals(eg, all.generalization()[j], 2 * Tolerances.SIM_TIME_SKELETON_REL * eg, "E_g " + what);
          if (s.temperature() == 0) {
            // below 1e-9 of its initial value E_tr = ‖ΦΔ − ε‖²/P is at its rounding floor (terms of
            // the size of ‖ε‖² cancel), where two differently shaped products differ in relative terms
            double etr = one.training()[0];
            double floor = 1e-9 * all.training()[0];
            assertEquals(etr, all.training()[j], Tolerances.SIM_EXACT_REL * Math.max(etr, floor), "E_tr " + what);
          }
        }
      }
    }
  }

  /**
   * φ(g, t) = (1 − e^{−gt})/g against −expm1(−gt)/g (StrictMath, within 1 ulp, then one rounded
   * division): within 4 units of u on both sides of the switch at gt = 1/2, and t at g = 0.
   */
  @Test
  void phiMatchesExpm1() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    double worst = 0;
    for (int q = 1; q < 200_000; q++) {
      double x = q < 100_000 ? q * 1e-5 : Math.pow(10, -20 + 21 * rng.nextDouble());
      double t = Math.pow(10, -3 + 8 * rng.nextDouble());
      double g = x / t;
      double ref = -StrictMath.expm1(-g * t) / g;
      worst = Math.max(worst, Math.abs(ExactDraw.phi(g, t) - ref) / ref);
    }
    assertTrue(worst <= 4 * Tolerances.U, "max relative difference " + worst);
    assertEquals(7.5, ExactDraw.phi(0, 7.5));
    assertEquals(1.0, ExactDraw.phi1(0));
  }
}
