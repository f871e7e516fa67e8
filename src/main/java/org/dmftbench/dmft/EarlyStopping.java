package org.dmftbench.dmft;

import java.util.List;

/**
 * The optimal early-stopping time t* = argmin_t E_g(t) (spec §3.4): E_g on a logarithmic grid, then
 * golden-section search in log t around the best grid point. With label noise E_g(t) is
 * non-monotone; when the minimum is at the end of the range there is no interior optimum.
 */
public final class EarlyStopping {

  /**
   * @param tStar the minimizing time (NaN when E_g decreases over the whole range)
   * @param eg E_g(t*) (or the value at the range's end)
   * @param egError its error estimate
   * @param interior whether the minimum is interior to [tMin, tMax]
   */
  public record Result(double tStar, double eg, double egError, boolean interior) {
  }

  private static final int GRID = 41;
  private static final double GOLDEN = 0.5 * (3 - Math.sqrt(5));

  private EarlyStopping() {
  }

  public static Result find(ContourSolver solver, double tMin, double tMax) {
    if (!(tMin > 0 && tMax > tMin) || !Double.isFinite(tMax)) {
      throw new IllegalArgumentException("early stopping needs 0 < t-min < t-max < infinity, got [" + tMin + ", " + tMax + "]");
    }
    double[] ts = new double[GRID];
    for (int i = 0; i < GRID; i++) {
      ts[i] = tMin * Math.pow(tMax / tMin, i / (GRID - 1.0));
    }
    List<CurvePoint> pts = solver.curve(ts);
    int best = 0;
    for (int i = 1; i < GRID; i++) {
      if (pts.get(i).eg() < pts.get(best).eg()) {
        best = i;
      }
    }
    if (best == 0 || best == GRID - 1) {
      CurvePoint p = pts.get(best);
      return new Result(Double.NaN, p.eg(), p.egError(), false);
    }
    double a = Math.log(ts[best - 1]), b = Math.log(ts[best + 1]);
    double x1 = a + GOLDEN * (b - a), x2 = b - GOLDEN * (b - a);
    CurvePoint f1 = solver.point(Math.exp(x1)), f2 = solver.point(Math.exp(x2));
    while (b - a > 1e-7) {
      if (f1.eg() < f2.eg()) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = a + GOLDEN * (b - a);
        f1 = solver.point(Math.exp(x1));
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = b - GOLDEN * (b - a);
        f2 = solver.point(Math.exp(x2));
      }
    }
    CurvePoint p = f1.eg() < f2.eg() ? f1 : f2;
    return new Result(p.t(), p.eg(), p.egError(), true);
  }
}
