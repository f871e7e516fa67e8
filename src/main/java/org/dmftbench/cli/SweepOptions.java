package org.dmftbench.cli;

import org.dmftbench.model.Spectrum;
import org.dmftbench.model.Validation;
import picocli.CommandLine.Option;

/** The problem parameters of spec §1 for {@code scaling} (P an integer; M = infinity by default when N is swept), and grid helpers. */
final class SweepOptions {

  @Option(names = "--alpha", defaultValue = "0.5", description = "Spectral decay: lambda_k = lambda_1 k^-(1+alpha) (default ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--beta", defaultValue = "0.5", description = "Target decay: c_k = c_1 k^-(1+beta) (default ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--lambda1", defaultValue = "1", description = "lambda_1 (default ${DEFAULT-VALUE}).")
  double lambda1;

  @Option(names = "--c1", defaultValue = "1", description = "c_1 (default ${DEFAULT-VALUE}).")
  double c1;

  @Option(names = "--N", defaultValue = "1000", description = "Model size: number of learnable modes (default ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--P", defaultValue = "500", description = "Number of training samples (default ${DEFAULT-VALUE}).")
  int p;

  @Option(names = "--tail-M", description = "Number of target modes M >= N; modes N+1..M are unlearnable "
      + "(default M = N; 'inf' for M = infinity).")
  String tailM;

  @Option(names = "--gamma", defaultValue = "0", description = "Weight decay (default ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--sigma2", defaultValue = "0", description = "Label-noise variance sigma^2 (default ${DEFAULT-VALUE}).")
  double sigma2;

  @Option(names = "--T", defaultValue = "0", description = "Langevin temperature (default ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--sigma0", defaultValue = "0", description = "Standard deviation sigma_0 of the initial weights "
      + "(variance sigma_0^2; default ${DEFAULT-VALUE}).")
  double sigma0;

  /** M = ∞ for {@link Spectrum#powerLaw}. */
  static final long INFINITE_TAIL = Long.MAX_VALUE;

  /** M as a number: N when absent, {@link #INFINITE_TAIL} for 'inf'. */
  long tailModes(int modes) {
    if (tailM == null) {
      return modes;
    }
    String s = tailM.trim();
    if (s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity")) {
      return INFINITE_TAIL;
    }
    try {
      long m = Long.parseLong(s);
      if (m < modes) {
        throw new IllegalArgumentException("--tail-M must be >= N = " + modes + ", got " + m);
      }
      return m;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--tail-M must be an integer or 'inf', got '" + tailM + "'");
    }
  }

  /** Validates the scalar parameters (the spectrum checks its own). */
  void validate() {
    Validation.positiveFinite("--alpha", alpha);
    Validation.positiveFinite("--beta", beta);
    Validation.positiveFinite("--lambda1", lambda1);
    Validation.nonNegativeFinite("--c1", c1);
    Validation.nonNegativeFinite("--gamma", gamma);
    Validation.nonNegativeFinite("--sigma2", sigma2);
    Validation.nonNegativeFinite("--T", temperature);
    Validation.nonNegativeFinite("--sigma0", sigma0);
    if (n < 1) {
      throw new IllegalArgumentException("--N must be >= 1, got " + n);
    }
    if (p < 1) {
      throw new IllegalArgumentException("--P must be >= 1, got " + p);
    }
  }

  /** The parameters as one comment line for output files. */
  String describe(int modes, int samples) {
    return String.format(java.util.Locale.ROOT,
        "alpha=%s beta=%s lambda1=%s c1=%s N=%d P=%d M=%s gamma=%s sigma2=%s T=%s sigma0=%s",
        alpha, beta, lambda1, c1, modes, samples, tailM == null ? String.valueOf(modes) : tailM, gamma, sigma2,
        temperature, sigma0);
  }

  /** Log-spaced grid of {@code points} values from lo to hi (inclusive). */
  static double[] logGrid(double lo, double hi, int points, String what) {
    if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException(what + " range must satisfy 0 < min <= max < inf, got [" + lo + ", " + hi + "]");
    }
    if (points < 1 || points > 100_000) {
      throw new IllegalArgumentException("--points must be in [1, 100000], got " + points);
    }
    double[] x = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = points == 1 ? lo : lo * Math.pow(hi / lo, i / (double) (points - 1));
    }
    x[points - 1] = hi;
    return x;
  }
}
