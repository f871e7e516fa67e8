package org.dmftbench.sim;

/**
 * The mean and standard error over draws of the learning curves at the experiment's times.
 *
 * @param times the time points
 * @param draws number of draws averaged (S)
 * @param meanGeneralization mean of E_g(t_j) over the draws
 * @param seGeneralization standard error s/√S of that mean (s: sample standard deviation)
 * @param meanTraining mean E_tr(t_j), or null when T &gt; 0
 * @param seTraining its standard error, or null when T &gt; 0
 */
public record CurveStats(double[] times, int draws, double[] meanGeneralization, double[] seGeneralization,
                         double[] meanTraining, double[] seTraining) {

  /** Mean and standard error of curves[s][j] over s (two-pass, in draw order, so the result is deterministic). */
  static double[][] meanAndSe(double[][] curves, int nt) {
    int s = curves.length;
    double[] mean = new double[nt];
    double[] se = new double[nt];
    for (int j = 0; j < nt; j++) {
      double sum = 0;
      for (double[] c : curves) {
        sum += c[j];
      }
      double mu = sum / s;
      double ss = 0;
      for (double[] c : curves) {
        double dlt = c[j] - mu;
        ss += dlt * dlt;
      }
      mean[j] = mu;
      se[j] = s > 1 ? Math.sqrt(ss / (s - 1) / s) : Double.NaN;
    }
    return new double[][] {mean, se};
  }

  /** Aggregates finished draws (non-null entries, in draw order). */
  static CurveStats of(double[] times, ExactDraw.Curve[] finished) {
    int count = 0;
    boolean training = true;
    for (ExactDraw.Curve c : finished) {
      if (c != null) {
        count++;
        training &= c.training() != null;
      }
    }
    if (count == 0) {
      throw new IllegalStateException("no draw finished");
    }
    double[][] eg = new double[count][];
    double[][] etr = training ? new double[count][] : null;
    int i = 0;
    for (ExactDraw.Curve c : finished) {
      if (c != null) {
        eg[i] = c.generalization();
        if (training) {
          etr[i] = c.training();
        }
        i++;
      }
    }
    double[][] g = meanAndSe(eg, times.length);
    double[][] tr = training ? meanAndSe(etr, times.length) : new double[][] {null, null};
    return new CurveStats(times.clone(), count, g[0], g[1], tr[0], tr[1]);
  }
}
