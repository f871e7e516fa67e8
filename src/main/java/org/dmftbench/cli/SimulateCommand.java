package org.dmftbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dmftbench.model.Spectrum;
import org.dmftbench.sim.Comparison;
import org.dmftbench.sim.CurveStats;
import org.dmftbench.sim.ExactDraw;
import org.dmftbench.sim.Experiment;
import org.dmftbench.sim.SimSetup;
import org.dmftbench.sim.SymmetricEigen;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmftbench simulate}: the exact finite-size experiment of spec §2 — S seeded draws of the
 * data, each solved exactly for every time point by one eigen-solve, averaged into E_g(t) and
 * E_tr(t) with standard errors. Draws run in parallel; on Ctrl-C or SIGTERM the finished draws are
 * written (marked partial).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Exact finite-size experiment: mean learning curve and standard error over seeded data draws.")
final class SimulateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ProblemOptions problem;

  @Option(names = "--t-min", defaultValue = "1e-2", description = "First time point (default ${DEFAULT-VALUE}).")
  double tMin;

  @Option(names = "--t-max", defaultValue = "1e6", description = "Last time point (default ${DEFAULT-VALUE}).")
  double tMax;

  @Option(names = "--points", defaultValue = "64", description = "Number of log-spaced time points (default ${DEFAULT-VALUE}).")
  int points;

  @Mixin
  DrawOptions sampling;

  @Option(names = "--route", defaultValue = "auto", description = "Eigenbasis route: auto, primal (N x N matrix "
      + "Phi^T Phi/P) or dual (P x P Gram matrix, P < N) (default ${DEFAULT-VALUE}).")
  String route;

  @Option(names = "--compare", description = "Add the DMFT curve and the gap in standard errors, with a verdict.")
  boolean compare;

  @Option(names = "--out", description = "Write the CSV here instead of standard output.")
  Path out;

  private String header = "";

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the log-log learning curve (mean, mean +- 2 SE, "
      + "and the DMFT with --compare) to FILE (.png or .svg).")
  Path plot;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    double[] times = SweepOptions.logGrid(tMin, tMax, points, "time");
    ExactDraw.Route r = parseRoute(route);
    int nThreads = sampling.threads();
    int draws = sampling.draws();
    SimSetup setup = setup();
    if (r == ExactDraw.Route.DUAL && setup.samples() >= setup.modes()) {
      throw new IllegalArgumentException("--route dual needs P < N, got P = " + setup.samples() + ", N = " + setup.modes());
    }
    double[] theory = compare ? Theory.curve(setup, times) : null;

    ExactDraw exact = new ExactDraw(setup, times, SymmetricEigen.standard());
    Experiment experiment = new Experiment(exact, sampling.seed, r);
    try (InterruptGuard _ = new InterruptGuard("dmftbench-simulate-interrupt", experiment::cancel)) {
      Experiment.Result result;
      try (DrawProgress progress = DrawProgress.start("simulate", draws, quiet)) {
        result = experiment.run(draws, nThreads, progress);
      }
      String text = csv(setup, result, theory);
      if (out != null) {
        Files.writeString(out, text, StandardCharsets.UTF_8);
      } else {
        PrintWriter w = spec.commandLine().getOut();
        w.print(text);
        w.flush();
      }
      PrintWriter err = spec.commandLine().getErr();
      if (!result.complete()) {
        err.printf("dmftbench: interrupted; wrote the mean of %d of %d draws%n", result.stats().draws(), draws);
      }
      if (theory != null) {
        Comparison c = Comparison.of(theory, result.stats().meanGeneralization(), result.stats().seGeneralization());
        err.println(c.verdict());
      }
      if (plot != null) {
        writePlot(result.stats(), theory);
      }
      err.flush();
      return DmftBench.OK;
    }
  }

  /** The experiment's problem from the same options as {@code curve} (power laws or --spectrum FILE). */
  private SimSetup setup() throws IOException {
    try (Spectrum spectrum = problem.spectrum()) {
      SimSetup setup = SimSetup.of(problem.problem(spectrum));
      header = problem.describe(spectrum);
      return setup;
    }
  }

  static ExactDraw.Route parseRoute(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> ExactDraw.Route.AUTO;
      case "primal" -> ExactDraw.Route.PRIMAL;
      case "dual" -> ExactDraw.Route.DUAL;
      default -> throw new IllegalArgumentException("--route must be auto, primal or dual, got '" + s + "'");
    };
  }

  private void writePlot(CurveStats st, double[] theory) throws IOException {
    double[] t = st.times();
    double[] lo = new double[t.length];
    double[] hi = new double[t.length];
    for (int j = 0; j < t.length; j++) {
      lo[j] = st.meanGeneralization()[j] - 2 * st.seGeneralization()[j];
      hi[j] = st.meanGeneralization()[j] + 2 * st.seGeneralization()[j];
    }
    LogLogChart chart = new LogLogChart("Learning curve: experiment (" + st.draws() + " draws)"
        + (theory != null ? " vs DMFT" : ""), "t", "E_g")
        .points("experiment mean", t, st.meanGeneralization(), new java.awt.Color(0x1f77b4))
        .line("mean - 2 SE", t, lo, new java.awt.Color(0x9ecae1), true)
        .line("mean + 2 SE", t, hi, new java.awt.Color(0x9ecae1), true);
    if (theory != null) {
      chart.line("DMFT", t, theory, new java.awt.Color(0xd62728), false);
    }
    chart.write(plot);
  }

  private String csv(SimSetup setup, Experiment.Result result, double[] theory) {
    CurveStats st = result.stats();
    StringBuilder sb = new StringBuilder();
    sb.append("# dmftbench simulate ").append(header)
        .append(String.format(Locale.ROOT, " draws=%d seed=%d route=%s%n", st.draws(), sampling.seed, route));
    if (!result.complete()) {
      sb.append(String.format(Locale.ROOT, "# partial: %d of %d draws finished before interruption%n", st.draws(),
          result.requested()));
    }
    boolean training = st.meanTraining() != null;
    sb.append("t,eg_mean,eg_se");
    if (training) {
      sb.append(",etr_mean,etr_se");
    }
    Comparison c = null;
    if (theory != null) {
      c = Comparison.of(theory, st.meanGeneralization(), st.seGeneralization());
      sb.append(",eg_dmft,gap_se,gap_rel,agree");
    }
    sb.append('\n');
    double[] t = st.times();
    for (int j = 0; j < t.length; j++) {
      sb.append(String.format(Locale.ROOT, "%.10g,%.10g,%.3g", t[j], st.meanGeneralization()[j], st.seGeneralization()[j]));
      if (training) {
        sb.append(String.format(Locale.ROOT, ",%.10g,%.3g", st.meanTraining()[j], st.seTraining()[j]));
      }
      if (c != null) {
        sb.append(String.format(Locale.ROOT, ",%.10g,%.3g,%.3g,%b", theory[j], c.gapInSe()[j], c.relativeGap()[j],
            c.agrees()[j]));
      }
      sb.append('\n');
    }
    if (c != null) {
      sb.append("# ").append(c.verdict()).append('\n');
    }
    return sb.toString();
  }
}
