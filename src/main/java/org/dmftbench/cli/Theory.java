package org.dmftbench.cli;

import java.util.List;
import org.dmftbench.dmft.ContourSolver;
import org.dmftbench.dmft.CurvePoint;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.dmftbench.sim.SimSetup;

/** The typical-case theory (the DMFT contour solver) for the experiment's problem. */
final class Theory {

  private Theory() {
  }

  /** E_g(t_j) of the DMFT (spec §3.2, with the T, σ0² and τ terms) for the experiment's problem {@code s}. */
  static double[] curve(SimSetup s, double[] times) {
    try (Spectrum spectrum = s.spectrum()) {
      return curve(s.problem(spectrum), times);
    }
  }

  /** E_g(t_j) of the DMFT (spec §3.2, with the T, σ0² and τ terms) for {@code problem}. */
  static double[] curve(Problem problem, double[] times) {
    List<CurvePoint> points = new ContourSolver(problem).curve(times);
    double[] eg = new double[times.length];
    for (int j = 0; j < eg.length; j++) {
      eg[j] = points.get(j).eg();
    }
    return eg;
  }
}
