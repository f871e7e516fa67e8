package org.dmftbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dmftbench.dmft.ContourSolver;
import org.dmftbench.dmft.EarlyStopping;
import org.dmftbench.dmft.StaticLimits;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dmftbench static}: the t → ∞ closed forms and, with label noise, the optimal stopping time. */
@Command(name = "static", mixinStandardHelpOptions = true,
    description = "Static (t -> infinity) errors in closed form, and the optimal early-stopping time with label noise.")
final class StaticCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ProblemOptions problem;

  @Option(names = "--t-min", defaultValue = "1e-2", description = "Early stopping search range start (default ${DEFAULT-VALUE}).")
  double tMin;

  @Option(names = "--t-max", defaultValue = "1e6", description = "Early stopping search range end (default ${DEFAULT-VALUE}).")
  double tMax;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Spectrum s = problem.spectrum()) {
      Problem pr = problem.problem(s);
      StaticLimits.Result r = StaticLimits.solve(pr);
      out.println("# dmftbench static: " + problem.describe(s));
      out.println("regime          " + r.regime());
      out.printf(Locale.ROOT, "kappa0          %.12e%n", r.kappa0());
      out.printf(Locale.ROOT, "E_g(inf)        %.12e%n", r.eg());
      if (pr.temperature() > 0) {
        out.printf(Locale.ROOT, "E_g_mean(inf)   %.12e   (posterior-mean predictor)%n", r.egMean());
      }
      if (!Double.isNaN(r.etr())) {
        out.printf(Locale.ROOT, "E_tr(inf)       %.12e%n", r.etr());
      }
      if (pr.sigma2() > 0) {
        EarlyStopping.Result e = EarlyStopping.find(new ContourSolver(pr), tMin, tMax);
        if (e.interior()) {
          out.printf(Locale.ROOT, "t*              %.4e%n", e.tStar());
          out.println("E_g(t*)         " + Digits.format(e.eg(), e.egError()) + "   (error " + Digits.error(e.egError()) + ")");
        } else {
          out.printf(Locale.ROOT, "t*              none in [%.3g, %.3g]: E_g(t) is monotone there%n", tMin, tMax);
        }
      }
    }
    out.flush();
    return DmftBench.OK;
  }
}
