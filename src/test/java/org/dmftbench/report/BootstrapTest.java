package org.dmftbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Statistical sanity of the hierarchical bootstrap. */
class BootstrapTest {

  /** forks × iters measurements of a run whose true mean is {@code mu}: fork effect and iteration noise. */
  private static double[][] run(SplittableRandom rnd, double mu, int forks, int iters, double forkSd, double itSd) {
    double[][] raw = new double[forks][iters];
    for (int f = 0; f < forks; f++) {
      double fe = forkSd * rnd.nextGaussian();
      for (int i = 0; i < iters; i++) {
        raw[f][i] = mu * (1 + fe + itSd * rnd.nextGaussian());
      }
    }
    return raw;
  }

  /**
   * Coverage of the 95 % interval of the ratio of two runs with equal true means (A/A), when the
   * fork effect dominates: the fork-then-iteration bootstrap must cover 1 close to nominally
   * (percentile intervals with 8 forks undercover slightly: at least 85 % of 300 trials), while
   * resampling iterations only, ignoring forks, covers far less: that is why forks come first.
   */
  @Test
  void intervalCoversTheTrueRatio() {
    SplittableRandom rnd = new SplittableRandom(7);
    int trials = 300;
    int covered = 0;
    int coveredFlat = 0;
    for (int t = 0; t < trials; t++) {
      double[][] a = run(rnd, 100, 8, 10, 0.03, 0.005);
      double[][] b = run(rnd, 100, 8, 10, 0.03, 0.005);
      double[] ma = Bootstrap.means(a, 400, rnd);
      double[] mb = Bootstrap.means(b, 400, rnd);
      double[] r = new double[ma.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = mb[i] / ma[i];
      }
      double[] ci = Bootstrap.interval(r, 0.95);
      covered += ci[0] <= 1 && 1 <= ci[1] ? 1 : 0;
      double[] fa = Bootstrap.means(new double[][] {flatten(a)}, 400, rnd);
      double[] fb = Bootstrap.means(new double[][] {flatten(b)}, 400, rnd);
      for (int i = 0; i < r.length; i++) {
        r[i] = fb[i] / fa[i];
      }
      double[] flat = Bootstrap.interval(r, 0.95);
      coveredFlat += flat[0] <= 1 && 1 <= flat[1] ? 1 : 0;
    }
    double coverage = covered / (double) trials;
    double coverageFlat = coveredFlat / (double) trials;
    assertTrue(coverage >= 0.85 && coverage <= 0.99, "fork-level coverage " + coverage);
    assertTrue(coverageFlat < 0.6, "iteration-only coverage " + coverageFlat);
  }

  private static double[] flatten(double[][] raw) {
    return java.util.Arrays.stream(raw).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  @Test
  void seededAndCentredOnTheMean() {
    double[][] raw = {{1, 2, 3}, {4, 5, 6}};
    double[] x = Bootstrap.means(raw, 1000, new SplittableRandom(1));
    double[] y = Bootstrap.means(raw, 1000, new SplittableRandom(1));
    assertArrayEquals(x, y);
    assertEquals(3.5, Bootstrap.mean(raw), 0);
    double avg = java.util.Arrays.stream(x).average().orElseThrow();
    assertEquals(3.5, avg, 0.1);
  }

  @Test
  void quantiles() {
    double[] v = {5, 1, 4, 2, 3};
    assertEquals(1, Bootstrap.quantile(v, 0), 0);
    assertEquals(3, Bootstrap.quantile(v, 0.5), 0);
    assertEquals(5, Bootstrap.quantile(v, 1), 0);
    assertEquals(1.4, Bootstrap.quantile(v, 0.1), 1e-12);
  }
}
