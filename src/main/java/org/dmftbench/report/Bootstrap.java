package org.dmftbench.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hierarchical (two-stage) bootstrap of a JMH row's mean: each replicate draws forks with
 * replacement, then iterations with replacement within each drawn fork, and takes the mean of
 * everything drawn. Resampling forks first keeps the fork-to-fork variation (JIT decisions, memory
 * layout), which usually dominates on a JVM; resampling iterations only would understate it
 * (Davison and Hinkley, Bootstrap Methods and their Application, 1997, §3.8; Kalibera and Jones,
 * "Rigorous Benchmarking in Reasonable Time", ISMM 2013).
 */
public final class Bootstrap {

  private Bootstrap() {
  }

  /** {@code resamples} bootstrap replicates of the mean of {@code raw[fork][iteration]}. */
  public static double[] means(double[][] raw, int resamples, SplittableRandom rnd) {
    double[] out = new double[resamples];
    int forks = raw.length;
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      int n = 0;
      for (int f = 0; f < forks; f++) {
        double[] fork = raw[forks == 1 ? 0 : rnd.nextInt(forks)];
        int len = fork.length;
        for (int i = 0; i < len; i++) {
          sum += fork[len == 1 ? 0 : rnd.nextInt(len)];
        }
        n += len;
      }
      out[b] = sum / n;
    }
    return out;
  }

  /** The plain mean of all measurements. */
  public static double mean(double[][] raw) {
    double sum = 0;
    int n = 0;
    for (double[] f : raw) {
      for (double v : f) {
        sum += v;
        n++;
      }
    }
    return sum / n;
  }

  /** The {@code q}-quantile (0..1) of {@code values} by linear interpolation; sorts a copy. */
  public static double quantile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    return quantileSorted(s, q);
  }

  static double quantileSorted(double[] s, double q) {
    if (s.length == 0) {
      return Double.NaN;
    }
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  /** Percentile interval {lo, hi} of confidence {@code level} (e.g. 0.95). */
  public static double[] interval(double[] replicates, double level) {
    double[] s = replicates.clone();
    Arrays.sort(s);
    double a = (1 - level) / 2;
    return new double[] {quantileSorted(s, a), quantileSorted(s, 1 - a)};
  }
}
