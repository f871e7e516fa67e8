package org.dmftbench.dmft;

import java.util.List;

/**
 * The optimal early-stopping time t* = argmin_t E_g(t) (spec §3.4). With label noise E_g(t) is
 * non-monotone; when the minimum is at the end of the range there is no interior optimum. Two entry
 * points share the grid search:
 * <ul>
 *   <li>{@link #find} for a curve that can be evaluated anywhere (the DMFT solver): E_g on a
 *       logarithmic grid, then golden-section search in log t around the best grid point;</li>
 *   <li>{@link #ofSamples} for a curve known only at given times (an experiment's mean curve, or a
 *       theory curve already sampled): the smallest sample refined by the parabola through it and its
 *       two neighbours in (ln t, E).</li>
 * </ul>
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

  /**
   * The minimum of a sampled curve.
   *
   * @param time t* (the grid end's time when the minimum is there)
   * @param error E_g(t*)
   * @param interior false when the minimum is at an end of the grid (the curve may still be falling:
   *     no optimum inside the range)
   */
  public record Sampled(double time, double error, boolean interior) {
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
    double[] eg = new double[GRID];
    for (int i = 0; i < GRID; i++) {
      eg[i] = pts.get(i).eg();
    }
    int best = argmin(eg);
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

  /**
   * The minimum of a curve sampled at increasing times t_i &gt; 0: the smallest sample, refined by
   * the vertex of the parabola through it and its two neighbours in (ln t, E) — exact for a curve
   * that is locally quadratic in ln t, with error O(h³) in the grid step h otherwise.
   */
  public static Sampled ofSamples(double[] t, double[] e) {
    int n = t.length;
    if (n == 0 || n != e.length) {
      throw new IllegalArgumentException("early stopping needs a non-empty curve");
    }
    int best = argmin(e);
    if (best == 0 || best == n - 1 || !(t[best - 1] > 0)) {
      return new Sampled(t[best], e[best], false);
    }
    double x0 = Math.log(t[best - 1]);
    double x1 = Math.log(t[best]);
    double x2 = Math.log(t[best + 1]);
    double y0 = e[best - 1];
    double y1 = e[best];
    double y2 = e[best + 1];
    // Vertex of the interpolating parabola (Newton divided differences).
    double d01 = (y1 - y0) / (x1 - x0);
    double d12 = (y2 - y1) / (x2 - x1);
    double d012 = (d12 - d01) / (x2 - x0);
    if (!(d012 > 0)) {
      return new Sampled(t[best], y1, true);
    }
    double xv = 0.5 * (x0 + x1) - d01 / (2 * d012);
    xv = Math.min(Math.max(xv, x0), x2);
    double yv = y0 + d01 * (xv - x0) + d012 * (xv - x0) * (xv - x1);
    return new Sampled(Math.exp(xv), Math.min(yv, y1), true);
  }

  /** Index of the first smallest value. */
  private static int argmin(double[] e) {
    int best = 0;
    for (int i = 1; i < e.length; i++) {
      if (e[i] < e[best]) {
        best = i;
      }
    }
    return best;
  }
}
