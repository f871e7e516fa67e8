package org.dmftbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Records the accuracy of a benchmark's answer, checked once in {@code @Setup(Level.Trial)} before
 * any timing, and fails the trial when it is outside tolerance (with {@code -foe true} the whole
 * run fails).
 *
 * <p>When the system property {@value #OUT_PROPERTY} names a file (scripts/bench.sh sets it for
 * every fork), each figure is appended to it as one JSON line
 * {@code {"benchmark":…, "params":{…}, "metric":…, "value":…, "tolerance":…}}, keyed like the JMH
 * results (benchmark + params), so that the result bundle shows accuracy beside timing.
 */
public final class Accuracy {

  /** System property naming the JSON-lines file accuracy figures are appended to. */
  public static final String OUT_PROPERTY = "dmftbench.accuracy.out";

  private Accuracy() {
  }

  /**
   * Records {@code value} of {@code metric} for the running benchmark and throws when it is NaN or
   * exceeds {@code tolerance} (a ratio or relative error where smaller is better).
   */
  public static void check(BenchmarkParams params, String metric, double value, double tolerance) {
    record(params, metric, value, tolerance);
    if (!(value <= tolerance)) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "accuracy check failed for %s %s: %s = %.3e exceeds tolerance %.3e",
          params.getBenchmark(), paramsText(params), metric, value, tolerance));
    }
  }

  /** Records a figure without judging it (informative accuracy, e.g. of a peer). */
  public static synchronized void record(BenchmarkParams params, String metric, double value, double tolerance) {
    String out = System.getProperty(OUT_PROPERTY);
    if (out == null || out.isBlank()) {
      return;
    }
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"benchmark\":\"").append(escape(params.getBenchmark())).append("\",\"mode\":\"")
        .append(params.getMode().shortLabel()).append("\",\"params\":{");
    boolean first = true;
    for (String key : params.getParamsKeys()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(escape(key)).append("\":\"").append(escape(params.getParam(key))).append('"');
    }
    sb.append("},\"metric\":\"").append(escape(metric)).append("\",\"value\":").append(json(value))
        .append(",\"tolerance\":").append(json(tolerance)).append("}\n");
    try {
      Files.writeString(Path.of(out), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("cannot append accuracy figures to " + out + ": " + e.getMessage(), e);
    }
  }

  private static String paramsText(BenchmarkParams params) {
    StringBuilder sb = new StringBuilder("(");
    for (String key : params.getParamsKeys()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(key).append('=').append(params.getParam(key));
    }
    return sb.append(')').toString();
  }

  private static String json(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "\"" + v + "\"";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
