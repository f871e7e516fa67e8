package org.dmftbench.cli;

import java.util.Locale;

/** Formats a value with only the significant digits its error estimate supports. */
final class Digits {

  private Digits() {
  }

  /** Significant digits of v supported by an absolute error err (1 to 15). */
  static int significant(double v, double err) {
    if (v == 0 || !(err > 0)) {
      return 15;
    }
    int d = (int) Math.floor(Math.log10(Math.abs(v) / err));
    return Math.max(1, Math.min(15, d));
  }

  /** v in scientific notation with {@link #significant} digits. */
  static String format(double v, double err) {
    if (!Double.isFinite(v)) {
      throw new IllegalStateException("non-finite result " + v + " (the solver should have reported why)");
    }
    if (v == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%." + (significant(v, err) - 1) + "e", v);
  }

  /** An error estimate, two significant digits. */
  static String error(double err) {
    return String.format(Locale.ROOT, "%.1e", err);
  }
}
