package org.dmftbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One JMH result row: its key, the primary metric's score, error (half-width of JMH's 99.9 %
 * interval; NaN when JMH wrote {@code "NaN"}, e.g. for a single iteration), unit, and the raw
 * measurements {@code raw[fork][iteration]}.
 */
public record JmhRow(RowKey key, double score, double error, Unit unit, double[][] raw, int threads) {

  /** Number of forks with measurements. */
  public int forks() {
    return raw.length;
  }

  /** Total number of measurements over all forks. */
  public int samples() {
    int s = 0;
    for (double[] f : raw) {
      s += f.length;
    }
    return s;
  }

  /**
   * This row with the forks of {@code other} appended (the same benchmark run again, e.g. in
   * interleaved rounds); the score becomes the mean of all measurements and the error is dropped
   * (NaN) since JMH's interval is no longer the one of the pooled data.
   */
  public JmhRow mergedWith(JmhRow other) {
    if (!other.unit.text().equals(unit.text())) {
      throw new BadResultException("cannot merge " + key + ": units " + unit.text() + " and " + other.unit.text());
    }
    List<double[]> forks = new ArrayList<>(List.of(raw));
    forks.addAll(List.of(other.raw));
    double[][] all = forks.toArray(new double[0][]);
    double sum = 0;
    int n = 0;
    for (double[] f : all) {
      for (double v : f) {
        sum += v;
        n++;
      }
    }
    return new JmhRow(key, n == 0 ? Double.NaN : sum / n, Double.NaN, unit, all, threads);
  }
}
