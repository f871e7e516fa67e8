package org.dmftbench.cli;

import org.dmftbench.report.Comparison;
import picocli.CommandLine.Option;

/** Statistics options shared by {@code compare} and {@code matrix}. */
final class ComparisonOptions {

  @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5",
      description = "Smallest relative change that counts, in percent (default ${DEFAULT-VALUE}).")
  String threshold;

  @Option(names = "--confidence", paramLabel = "PERCENT", defaultValue = "95",
      description = "Confidence level of the bootstrap intervals, in percent (default ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--resamples", defaultValue = "2000", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default ${DEFAULT-VALUE}); same seed, same output.")
  long seed;

  @Option(names = "--accuracy-factor", defaultValue = "2",
      description = "An accuracy figure of B more than this many times A's is a regression (default ${DEFAULT-VALUE}).")
  double accuracyFactor;

  Comparison.Settings settings() {
    String t = threshold.trim();
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1).trim();
    }
    double th;
    try {
      th = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new UserInputException("--threshold " + threshold + " is not a percentage (e.g. 5 or 2.5%)");
    }
    if (!(th >= 0 && th < 1000)) {
      throw new UserInputException("--threshold must be a percentage in [0, 1000), got " + threshold);
    }
    if (!(confidence > 0 && confidence < 100)) {
      throw new UserInputException("--confidence must be in (0, 100), got " + confidence);
    }
    if (resamples < 100 || resamples > 1_000_000) {
      throw new UserInputException("--resamples must be in [100, 1000000], got " + resamples);
    }
    if (!(accuracyFactor >= 1)) {
      throw new UserInputException("--accuracy-factor must be >= 1, got " + accuracyFactor);
    }
    return new Comparison.Settings(th / 100, confidence / 100, resamples, seed, accuracyFactor);
  }
}
