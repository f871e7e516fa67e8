package org.dmftbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import picocli.CommandLine.Option;

/** The DMFT problem options shared by {@code curve} and {@code static} (spec §1 of dmft.md). */
final class ProblemOptions {

  @Option(names = "--alpha", defaultValue = "0.5", description = "Spectral decay: lambda_k = lambda1 k^-(1+alpha), alpha > 0 (default ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--beta", defaultValue = "0.5", description = "Target decay: c_k = c1 k^-(1+beta), beta > 0 (default ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--N", defaultValue = "1000", description = "Number of learnable modes N >= 1 (default ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--P", defaultValue = "500", description = "Training samples P > 0, or 'inf' for the population limit (default ${DEFAULT-VALUE}).")
  String p;

  @Option(names = "--gamma", defaultValue = "0", description = "Weight decay gamma >= 0 (default ${DEFAULT-VALUE}).")
  double gamma;

  @Option(names = "--sigma2", defaultValue = "0", description = "Label-noise variance sigma^2 >= 0 (default ${DEFAULT-VALUE}).")
  double sigma2;

  @Option(names = "--T", defaultValue = "0", description = "Langevin temperature T >= 0; T > 0 needs gamma > 0 (default ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--sigma0", defaultValue = "0", description = "Standard deviation sigma0 of the initial weights, w_k(0) ~ N(0, sigma0^2) (default ${DEFAULT-VALUE}).")
  double sigma0;

  @Option(names = "--lambda1", defaultValue = "1", description = "Top eigenvalue lambda1 > 0 (default ${DEFAULT-VALUE}).")
  double lambda1;

  @Option(names = "--c1", defaultValue = "1", description = "Top target power c1 >= 0 (default ${DEFAULT-VALUE}).")
  double c1;

  @Option(names = "--tail-M", description = "Number of target modes M >= N; modes N+1..M are unlearnable (default: M = N, no tail).")
  Long tailM;

  @Option(names = "--spectrum", paramLabel = "FILE", description = "Read (lambda_k, c_k) pairs from FILE, one mode per line, instead of the power laws.")
  Path spectrumFile;

  Spectrum spectrum() throws IOException {
    if (spectrumFile != null) {
      if (tailM != null) {
        throw new UserInputException("--tail-M applies to power-law spectra, not to --spectrum files");
      }
      return Spectrum.fromFile(spectrumFile);
    }
    return Spectrum.powerLaw(n, alpha, beta, lambda1, c1, tailM == null ? n : tailM);
  }

  double samples() {
    String s = p.strip().toLowerCase(Locale.ROOT);
    if (s.equals("inf") || s.equals("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v) || !(v > 0)) {
        throw new UserInputException("--P must be > 0 (or 'inf'), got " + p);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserInputException("--P must be a number > 0 or 'inf', got '" + p + "'");
    }
  }

  Problem problem(Spectrum s) {
    if (!Double.isFinite(sigma0)) {
      throw new UserInputException("--sigma0 must be finite, got " + sigma0);
    }
    return new Problem(s, samples(), gamma, sigma2, temperature, sigma0 * sigma0);
  }

  String describe(Spectrum s) {
    return String.format(Locale.ROOT, "%s; P=%s gamma=%s sigma2=%s T=%s sigma0=%s tau=%.6g",
        s.description(), p, gamma, sigma2, temperature, sigma0, s.tau());
  }
}
