package org.dmftbench.sim;

/**
 * The optimal early-stopping point (t*, E_g(t*)) of a learning curve sampled on a log grid: the
 * smallest sample, refined by the parabola through it and its two neighbours in (ln t, E) — exact
 * for a curve that is locally quadratic in ln t, with error O(h³) in the grid step h otherwise.
 *
 * @param time t*
 * @param error E_g(t*)
 * @param interior false when the minimum is at an end of the grid (the curve may still be falling:
 *     no optimum inside the range)
 */
public record EarlyStopping(double time, double error, boolean interior) {

  public static EarlyStopping locate(double[] t, double[] e) {
    int n = t.length;
    if (n == 0 || n != e.length) {
      throw new IllegalArgumentException("early stopping needs a non-empty curve");
    }
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (e[i] < e[best]) {
        best = i;
      }
    }
    if (best == 0 || best == n - 1 || !(t[best - 1] > 0)) {
      return new EarlyStopping(t[best], e[best], false);
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
      return new EarlyStopping(t[best], y1, true);
    }
    double xv = 0.5 * (x0 + x1) - d01 / (2 * d012);
    xv = Math.min(Math.max(xv, x0), x2);
    double yv = y0 + d01 * (xv - x0) + d012 * (xv - x0) * (xv - x1);
    return new EarlyStopping(Math.exp(xv), Math.min(yv, y1), true);
  }
}
