package org.dmftbench.cli;

import picocli.CommandLine.Option;

/** How many seeded data draws the exact experiment averages, from which seed, on how many threads ({@code simulate}, {@code scaling --source experiment}). */
final class DrawOptions {

  @Option(names = "--draws", defaultValue = "40", description = "Number of independent data draws S >= 2 "
      + "averaged at every point (default ${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--seed", defaultValue = "1", description = "Master seed; draw i depends only on (seed, i) "
      + "(default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  Integer threads;

  /** The number of draws, at least two (a standard error needs two). */
  int draws() {
    if (draws < 2) {
      throw new IllegalArgumentException("--draws must be >= 2 (a standard error needs two draws), got " + draws);
    }
    return draws;
  }

  /** The number of worker threads, all cores by default. */
  int threads() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 4096) {
      throw new IllegalArgumentException("--threads must be in [1, 4096], got " + n);
    }
    return n;
  }
}
