package org.dmftbench.report;

import java.util.Locale;

/** The outcome of comparing one row of run B against run A. */
public enum Verdict {
  /** B is faster: the interval of the time ratio lies below 1 and the effect exceeds the threshold. */
  FASTER,
  /** B is slower: the interval lies above 1 and the effect exceeds the threshold. */
  SLOWER,
  /** No change that matters: either the interval lies within ±threshold, or the change is real but below it. */
  UNCHANGED,
  /** The data cannot tell: the interval straddles 1 and reaches beyond the threshold, or there is no interval. */
  INCONCLUSIVE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The dual gate. {@code ratio} is the time ratio B/A (below 1: B faster), [lo, hi] its interval,
   * {@code threshold} the smallest relative effect that matters (0.05 = 5 %).
   */
  public static Verdict of(double ratio, double lo, double hi, double threshold) {
    if (!(Double.isFinite(ratio) && Double.isFinite(lo) && Double.isFinite(hi))) {
      return INCONCLUSIVE;
    }
    double up = 1 + threshold;
    double down = 1 / (1 + threshold);
    if (lo > 1 && ratio > up) {
      return SLOWER;
    }
    if (hi < 1 && ratio < down) {
      return FASTER;
    }
    if (lo > 1 || hi < 1) {
      return UNCHANGED;
    }
    if (lo >= down && hi <= up) {
      return UNCHANGED;
    }
    return INCONCLUSIVE;
  }
}
