package org.dmftbench.sim;

import java.util.Locale;
import org.dmftbench.Tolerances;

/**
 * Theory against experiment, point by point: the gap |theory − mean| in units of the experiment's
 * standard error and relative to the theory, and a verdict. A point agrees when
 * gap ≤ {@link Tolerances#SIM_AGREE_SE}·SE + {@link Tolerances#SIM_AGREE_REL}·theory: Monte-Carlo
 * error plus the finite-size corrections the typical-case theory leaves out.
 *
 * @param theory the theory's E_g(t_j)
 * @param gapInSe |theory − mean| / SE at each t
 * @param relativeGap |theory − mean| / theory at each t
 * @param agrees whether each point is within the acceptance
 */
public record Comparison(double[] theory, double[] gapInSe, double[] relativeGap, boolean[] agrees) {

  public static Comparison of(double[] theory, double[] mean, double[] se) {
    int n = theory.length;
    if (mean.length != n || se.length != n) {
      throw new IllegalArgumentException("theory and experiment have different numbers of time points");
    }
    double[] gs = new double[n];
    double[] gr = new double[n];
    boolean[] ok = new boolean[n];
    for (int j = 0; j < n; j++) {
      double gap = Math.abs(theory[j] - mean[j]);
      gs[j] = gap / se[j];
      gr[j] = gap / Math.abs(theory[j]);
      ok[j] = gap <= Tolerances.SIM_AGREE_SE * se[j] + Tolerances.SIM_AGREE_REL * Math.abs(theory[j]);
    }
    return new Comparison(theory.clone(), gs, gr, ok);
  }

  /** Number of points outside the acceptance. */
  public int failures() {
    int f = 0;
    for (boolean b : agrees) {
      f += b ? 0 : 1;
    }
    return f;
  }

  public double maxGapInSe() {
    double m = 0;
    for (double g : gapInSe) {
      m = Math.max(m, g);
    }
    return m;
  }

  public double maxRelativeGap() {
    double m = 0;
    for (double g : relativeGap) {
      m = Math.max(m, g);
    }
    return m;
  }

  /** One line: AGREE or DISAGREE, with the largest gaps. */
  public String verdict() {
    int f = failures();
    return String.format(Locale.ROOT, "%s: %d of %d points within %.0f SE + %.0f%%; max gap %.2f SE, max relative gap %.2f%%",
        f == 0 ? "AGREE" : "DISAGREE", agrees.length - f, agrees.length, Tolerances.SIM_AGREE_SE,
        100 * Tolerances.SIM_AGREE_REL, maxGapInSe(), 100 * maxRelativeGap());
  }
}
