package org.dmftbench.report;

import java.util.Locale;

/**
 * A JMH score unit such as {@code ns/op} (time per operation, lower is better) or {@code ops/ms}
 * (throughput, higher is better), with the factor that turns a score into seconds per operation.
 *
 * @param text the unit as JMH wrote it
 * @param timePerOp true for time/op units, false for ops/time units
 * @param seconds length in seconds of the unit's time part (1e-9 for ns)
 */
public record Unit(String text, boolean timePerOp, double seconds) {

  /** Parses a JMH unit; throws {@link BadResultException} for a unit that is neither time/op nor ops/time. */
  public static Unit parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash <= 0 || slash == t.length() - 1) {
      throw new BadResultException("unknown score unit \"" + text + "\" (expected e.g. ns/op or ops/s)");
    }
    String left = t.substring(0, slash).toLowerCase(Locale.ROOT);
    String right = t.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (right.equals("op")) {
      return new Unit(t, true, secondsOf(left, text));
    }
    if (left.equals("ops")) {
      return new Unit(t, false, secondsOf(right, text));
    }
    throw new BadResultException("unknown score unit \"" + text + "\" (expected e.g. ns/op or ops/s)");
  }

  private static double secondsOf(String s, String text) {
    return switch (s) {
      case "ns" -> 1e-9;
      case "us", "µs", "μs" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1.0;
      case "min", "m" -> 60.0;
      case "h", "hr" -> 3600.0;
      default -> throw new BadResultException("unknown time unit \"" + s + "\" in score unit \"" + text + "\"");
    };
  }

  /** True when a larger score is better (ops/time). */
  public boolean higherIsBetter() {
    return !timePerOp;
  }

  /** Seconds per operation for a score in this unit. */
  public double secondsPerOp(double score) {
    return timePerOp ? score * seconds : seconds / score;
  }
}
