package org.dmftbench.sim;

/**
 * Power-law fits on log-log axes: ordinary least squares of ln y on ln x over a user range, with
 * the standard error of the slope, and the local slopes d ln y / d ln x that show whether a curve is
 * still bending (spec §3.4).
 *
 * @param slope fitted exponent (y ∝ x^slope)
 * @param slopeError standard error of the slope, s/√Σ(ln x − mean)² with s² the residual variance
 *     (n − 2 degrees of freedom); it measures the fit's scatter (curvature), not Monte-Carlo error
 * @param intercept ln y at ln x = 0
 * @param points number of points fitted
 * @param xMin smallest x fitted
 * @param xMax largest x fitted
 */
public record ScalingFit(double slope, double slopeError, double intercept, int points, double xMin, double xMax) {

  /**
   * Fits ln y = intercept + slope·ln x over the points with lo ≤ x ≤ hi.
   *
   * @throws IllegalArgumentException with fewer than 3 points in range or a non-positive value
   */
  public static ScalingFit fit(double[] x, double[] y, double lo, double hi) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y have different lengths");
    }
    int n = 0;
    double sx = 0;
    double sy = 0;
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= lo && x[i] <= hi) {
        if (!(x[i] > 0) || !(y[i] > 0) || !Double.isFinite(y[i])) {
          throw new IllegalArgumentException("log-log fit needs positive finite values, got (" + x[i] + ", " + y[i] + ")");
        }
        n++;
        sx += Math.log(x[i]);
        sy += Math.log(y[i]);
        xMin = Math.min(xMin, x[i]);
        xMax = Math.max(xMax, x[i]);
      }
    }
    if (n < 3) {
      throw new IllegalArgumentException("a scaling fit needs at least 3 points in [" + lo + ", " + hi + "], found " + n);
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= lo && x[i] <= hi) {
        double dx = Math.log(x[i]) - mx;
        sxx += dx * dx;
        sxy += dx * (Math.log(y[i]) - my);
      }
    }
    if (!(sxx > 0)) {
      throw new IllegalArgumentException("a scaling fit needs distinct x values");
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double rss = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= lo && x[i] <= hi) {
        double r = Math.log(y[i]) - intercept - slope * Math.log(x[i]);
        rss += r * r;
      }
    }
    double se = Math.sqrt(rss / (n - 2) / sxx);
    return new ScalingFit(slope, se, intercept, n, xMin, xMax);
  }

  /** The fitted line's value at x. */
  public double valueAt(double x) {
    return Math.exp(intercept + slope * Math.log(x));
  }

  /**
   * Local slopes d ln y / d ln x at every point: centred differences through the neighbours inside,
   * one-sided at the two ends. Needs at least 2 points.
   */
  public static double[] localSlopes(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      throw new IllegalArgumentException("local slopes need at least 2 points");
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      int a = Math.max(0, i - 1);
      int b = Math.min(n - 1, i + 1);
      s[i] = (Math.log(y[b]) - Math.log(y[a])) / (Math.log(x[b]) - Math.log(x[a]));
    }
    return s;
  }

  /** Spec §3.4 time exponent: E_g ∝ t^-(β/(1+α)); returns the slope −β/(1+α). */
  public static double theoreticalTimeSlope(double alpha, double beta) {
    return -beta / (1 + alpha);
  }

  /** Spec §3.4 data exponent: E_g(∞) ∝ P^-min(β, 2(1+α)); returns the slope. */
  public static double theoreticalDataSlope(double alpha, double beta) {
    return -Math.min(beta, 2 * (1 + alpha));
  }

  /** Spec §3.4 model-size exponent: E_g ∝ N^-β; returns the slope. */
  public static double theoreticalModelSlope(double beta) {
    return -beta;
  }
}
