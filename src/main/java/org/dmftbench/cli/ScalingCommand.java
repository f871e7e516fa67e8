package org.dmftbench.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.dmftbench.dmft.EarlyStopping;
import org.dmftbench.dmft.PopulationLimit;
import org.dmftbench.dmft.StaticLimits;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.dmftbench.sim.CurveStats;
import org.dmftbench.sim.ExactDraw;
import org.dmftbench.sim.Experiment;
import org.dmftbench.sim.ScalingFit;
import org.dmftbench.sim.SimSetup;
import org.dmftbench.sim.SymmetricEigen;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmftbench scaling}: neural scaling laws (spec §3.4). Sweeps E_g against training time t,
 * data set size P or model size N, fits the exponent on log-log axes over a chosen range (with its
 * standard error and the local slopes), prints the theoretical exponent beside it and draws the
 * log-log plot with the fit line and the theoretical slope. With {@code --optimal-stopping} (vary P)
 * it locates the optimal early-stopping time t*(P) and E_g(t*) under label noise.
 *
 * <p>Sources: {@code theory} uses the closed-form limits of spec §3.3 (static t → ∞ through κ₀,
 * population P → ∞ with {@code --population}) and the DMFT solver for finite t at finite P;
 * {@code experiment} runs the exact finite-size experiment at each point (mean ± SE over draws).
 */
@Command(name = "scaling", mixinStandardHelpOptions = true,
    description = "Scaling-law sweep of E_g versus t, P or N with a fitted exponent and a log-log plot.")
final class ScalingCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SweepOptions problem;

  @Option(names = "--vary", required = true, description = "What to sweep: t, P or N.")
  String vary;

  @Option(names = "--from", required = true, description = "First value of the swept variable.")
  double from;

  @Option(names = "--to", required = true, description = "Last value of the swept variable.")
  double to;

  @Option(names = "--points", defaultValue = "13", description = "Number of log-spaced sweep points (default ${DEFAULT-VALUE}).")
  int points;

  @Option(names = "--fit-min", description = "Smallest swept value in the fit (default --from).")
  Double fitMin;

  @Option(names = "--fit-max", description = "Largest swept value in the fit (default --to).")
  Double fitMax;

  @Option(names = "--source", defaultValue = "theory", description = "theory or experiment (default ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--population", description = "Theory in the population limit P -> infinity (vary t or N).")
  boolean population;

  @Option(names = "--time", defaultValue = "inf", description = "Training time for --vary P|N ('inf' = t -> infinity; "
      + "the experiment needs a finite time) (default ${DEFAULT-VALUE}).")
  String time;

  @Option(names = "--optimal-stopping", description = "With --vary P: locate t*(P) and E_g(t*) on the grid "
      + "[--t-min, --t-max] and fit E_g(t*) against P.")
  boolean optimalStopping;

  @Option(names = "--t-min", defaultValue = "0.1", description = "Time grid start for --optimal-stopping (default ${DEFAULT-VALUE}).")
  double tMin;

  @Option(names = "--t-max", defaultValue = "1e5", description = "Time grid end for --optimal-stopping (default ${DEFAULT-VALUE}).")
  double tMax;

  @Option(names = "--t-points", defaultValue = "121", description = "Time grid size for --optimal-stopping (default ${DEFAULT-VALUE}).")
  int tPoints;

  /** Draws, seed and threads of --source experiment. */
  @Mixin
  DrawOptions sampling;

  @Option(names = "--out", description = "Write the CSV here instead of standard output.")
  Path out;

  @Option(names = "--plot", description = "Write the log-log plot (.png or .svg).")
  Path plot;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicReference<Experiment> running = new AtomicReference<>();

  @Override
  public Integer call() throws IOException {
    problem.validate();
    String v = vary.trim();
    if (!v.equals("t") && !v.equals("P") && !v.equals("N")) {
      throw new IllegalArgumentException("--vary must be t, P or N, got '" + vary + "'");
    }
    boolean experiment = switch (source.trim().toLowerCase(Locale.ROOT)) {
      case "theory" -> false;
      case "experiment" -> true;
      default -> throw new IllegalArgumentException("--source must be theory or experiment, got '" + source + "'");
    };
    if (optimalStopping && !v.equals("P")) {
      throw new IllegalArgumentException("--optimal-stopping goes with --vary P");
    }
    if (population && (experiment || v.equals("P"))) {
      throw new IllegalArgumentException("--population applies to the theory with --vary t or N");
    }
    double[] x = SweepOptions.logGrid(from, to, points, "--from/--to");
    if (!v.equals("t")) {
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.round(x[i]);
      }
      x = Arrays.stream(x).distinct().toArray();
      if (x[0] < 1 || x[x.length - 1] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--from/--to for " + v + " must lie in [1, " + Integer.MAX_VALUE + "]");
      }
    }
    double lo = fitMin == null ? x[0] : fitMin;
    double hi = fitMax == null ? x[x.length - 1] : fitMax;
    double evalTime = parseTime(time);
    if (experiment && !Double.isFinite(evalTime) && !v.equals("t") && !optimalStopping) {
      throw new IllegalArgumentException("--source experiment needs a finite --time for --vary " + v);
    }
    if (experiment) {
      sampling.draws();
    }
    int nThreads = sampling.threads();

    try (InterruptGuard _ = new InterruptGuard("dmftbench-scaling-interrupt", this::cancel)) {
      Sweep sweep = optimalStopping ? stoppingSweep(x, experiment, nThreads)
          : v.equals("t") ? timeSweep(x, experiment, nThreads) : sizeSweep(v, x, evalTime, experiment, nThreads);
      report(v, sweep, lo, hi);
      return DmftBench.OK;
    }
  }

  /** Stops the sweep: no further points, and the running experiment finishes early. */
  private void cancel() {
    cancelled.set(true);
    Experiment e = running.get();
    if (e != null) {
      e.cancel();
    }
  }

  private static double parseTime(String s) {
    String t = s.trim();
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      double d = Double.parseDouble(t);
      if (!(d >= 0) || !Double.isFinite(d)) {
        throw new IllegalArgumentException("--time must be >= 0 or 'inf', got " + s);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--time must be a number or 'inf', got '" + s + "'");
    }
  }

  /** A finished (possibly partial) sweep. */
  private record Sweep(String label, double[] x, double[] e, double[] se, double[] tStar, boolean[] interior,
                       String sourceNote, int requested) {
  }

  /** M for N modes: --tail-M, or N, or infinity by default when N is swept (the model-size law needs the tail). */
  private long tailModes(int n) {
    return vary.trim().equals("N") && problem.tailM == null ? SweepOptions.INFINITE_TAIL : problem.tailModes(n);
  }

  /** The power-law spectrum of N modes (off-heap: the caller closes it). */
  private Spectrum spectrum(int n) {
    return Spectrum.powerLaw(n, problem.alpha, problem.beta, problem.lambda1, problem.c1, tailModes(n));
  }

  /** The problem on {@code s} with P samples (P = infinity: the population limit). */
  private Problem problem(Spectrum s, double p) {
    return new Problem(s, p, problem.gamma, problem.sigma2, problem.temperature, problem.sigma0 * problem.sigma0);
  }

  /** The experiment's problem of N modes and P samples. */
  private SimSetup setup(int n, int p) {
    try (Spectrum s = spectrum(n)) {
      return SimSetup.of(problem(s, p));
    }
  }

  /** The closed-form limit for N modes and P samples (no P×N feature matrix is ever formed). */
  private double limit(int n, double p, double t) {
    try (Spectrum s = spectrum(n)) {
      Problem pr = problem(s, p);
      return Double.isInfinite(p) ? PopulationLimit.eg(pr, t) : StaticLimits.solve(pr).eg();
    }
  }

  private CurveStats runExperiment(SimSetup s, double[] times, int nThreads) {
    Experiment e = new Experiment(new ExactDraw(s, times, SymmetricEigen.standard()), sampling.seed, ExactDraw.Route.AUTO);
    running.set(e);
    if (cancelled.get()) {
      e.cancel();
    }
    Experiment.Result r = e.run(sampling.draws, nThreads, null);
    running.set(null);
    if (!r.complete()) {
      cancelled.set(true);
    }
    return r.stats();
  }

  private Sweep timeSweep(double[] t, boolean experiment, int nThreads) {
    if (experiment) {
      SimSetup s = setup(problem.n, problem.p);
      try (DrawProgress pr = DrawProgress.start("scaling", sampling.draws, quiet)) {
        Experiment e = new Experiment(new ExactDraw(s, t, SymmetricEigen.standard()), sampling.seed, ExactDraw.Route.AUTO);
        running.set(e);
        Experiment.Result r = e.run(sampling.draws, nThreads, pr);
        CurveStats st = r.stats();
        return new Sweep("t", t, st.meanGeneralization(), st.seGeneralization(), null, null,
            "experiment N=" + problem.n + " P=" + problem.p + " draws=" + st.draws() + (r.complete() ? "" : " (partial)"),
            t.length);
      }
    }
    if (population) {
      double[] e = new double[t.length];
      try (Spectrum s = spectrum(problem.n)) {
        Problem pr = problem(s, Double.POSITIVE_INFINITY);
        for (int i = 0; i < t.length; i++) {
          e[i] = PopulationLimit.eg(pr, t[i]);
        }
      }
      return new Sweep("t", t, e, null, null, null, "theory, population limit P -> inf, N=" + problem.n, t.length);
    }
    return new Sweep("t", t, Theory.curve(setup(problem.n, problem.p), t), null, null, null,
        "DMFT N=" + problem.n + " P=" + problem.p, t.length);
  }

  private Sweep sizeSweep(String v, double[] x, double evalTime, boolean experiment, int nThreads) {
    int n = x.length;
    double[] e = new double[n];
    double[] se = experiment ? new double[n] : null;
    int done = 0;
    for (int i = 0; i < n && !cancelled.get(); i++) {
      int val = (int) x[i];
      int nn = v.equals("P") ? problem.n : val;
      int pp = v.equals("P") ? val : problem.p;
      if (experiment) {
        CurveStats st = runExperiment(setup(nn, pp), new double[] {evalTime}, nThreads);
        e[i] = st.meanGeneralization()[0];
        se[i] = st.seGeneralization()[0];
      } else if (v.equals("N") && population) {
        e[i] = limit(nn, Double.POSITIVE_INFINITY, evalTime);
      } else if (Double.isInfinite(evalTime)) {
        e[i] = limit(nn, pp, Double.POSITIVE_INFINITY);
      } else {
        e[i] = Theory.curve(setup(nn, pp), new double[] {evalTime})[0];
      }
      if (!cancelled.get() || experiment) {
        done = i + 1;
      }
      progressLine(v, i + 1, n);
    }
    String note = (experiment ? "experiment draws=" + sampling.draws : population ? "theory, population limit P -> inf"
        : Double.isInfinite(evalTime) ? "theory, static limit t -> inf (kappa_0)" : "DMFT")
        + (v.equals("P") ? " N=" + problem.n : population ? "" : " P=" + problem.p)
        + (Double.isInfinite(evalTime) ? "" : " t=" + evalTime);
    return new Sweep(v, Arrays.copyOf(x, done), Arrays.copyOf(e, done), se == null ? null : Arrays.copyOf(se, done),
        null, null, note, n);
  }

  private Sweep stoppingSweep(double[] x, boolean experiment, int nThreads) {
    double[] times = SweepOptions.logGrid(tMin, tMax, tPoints, "--t-min/--t-max");
    int n = x.length;
    double[] tStar = new double[n];
    double[] eStar = new double[n];
    boolean[] interior = new boolean[n];
    int done = 0;
    for (int i = 0; i < n && !cancelled.get(); i++) {
      SimSetup s = setup(problem.n, (int) x[i]);
      double[] curve = experiment ? runExperiment(s, times, nThreads).meanGeneralization() : Theory.curve(s, times);
      EarlyStopping.Sampled o = EarlyStopping.ofSamples(times, curve);
      tStar[i] = o.time();
      eStar[i] = o.error();
      interior[i] = o.interior();
      done = i + 1;
      progressLine("P", i + 1, n);
    }
    return new Sweep("P", Arrays.copyOf(x, done), Arrays.copyOf(eStar, done), null, Arrays.copyOf(tStar, done),
        Arrays.copyOf(interior, done), (experiment ? "experiment draws=" + sampling.draws : "DMFT") + " N=" + problem.n
        + ", optimal early stopping on t in [" + tMin + ", " + tMax + "]", n);
  }

  private void progressLine(String v, int i, int n) {
    if (!quiet) {
      System.err.printf("scaling: %s point %d/%d done%n", v, i, n);
    }
  }

  private double theorySlope(String v) {
    return switch (v) {
      case "t" -> ScalingFit.theoreticalTimeSlope(problem.alpha, problem.beta);
      case "P" -> optimalStopping ? Double.NaN : ScalingFit.theoreticalDataSlope(problem.alpha, problem.beta);
      default -> ScalingFit.theoreticalModelSlope(problem.beta);
    };
  }

  private String theoryFormula(String v) {
    return switch (v) {
      case "t" -> "-beta/(1+alpha)";
      case "P" -> optimalStopping ? "none stated in spec 3.4" : "-min(beta, 2(1+alpha))";
      default -> "-beta";
    };
  }

  private void report(String v, Sweep s, double lo, double hi) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (s.x().length < s.requested()) {
      err.printf("dmftbench: interrupted; writing %d of %d sweep points%n", s.x().length, s.requested());
    }
    if (s.x().length == 0) {
      throw new IllegalStateException("interrupted before the first sweep point finished");
    }
    ScalingFit fit = null;
    String fitText;
    try {
      fit = ScalingFit.fit(s.x(), s.e(), lo, hi);
      fitText = String.format(Locale.ROOT, "fitted exponent %.4f +- %.4f over %s in [%.4g, %.4g] (%d points)",
          fit.slope(), fit.slopeError(), v, fit.xMin(), fit.xMax(), fit.points());
    } catch (IllegalArgumentException e) {
      fitText = "no fit: " + e.getMessage();
    }
    double th = theorySlope(v);
    double[] local = s.x().length >= 2 ? ScalingFit.localSlopes(s.x(), s.e()) : new double[] {Double.NaN};
    String summary = String.format(Locale.ROOT, "%s; theoretical exponent %s = %s; local slopes %.4f .. %.4f; source: %s",
        fitText, theoryFormula(v), Double.isNaN(th) ? "n/a" : String.format(Locale.ROOT, "%.4f", th),
        local[0], local[local.length - 1], s.sourceNote());

    StringBuilder sb = new StringBuilder();
    sb.append("# dmftbench scaling --vary ").append(v).append(' ')
        .append(problem.describe(problem.n, problem.p))
        .append(tailModes(problem.n) == SweepOptions.INFINITE_TAIL ? " (M=inf)" : "").append('\n');
    sb.append("# ").append(summary).append('\n');
    sb.append(v.equals("t") ? "t" : v).append(s.tStar() != null ? ",t_star,eg_star,interior" : ",eg");
    if (s.se() != null) {
      sb.append(",eg_se");
    }
    sb.append(",local_slope,fit\n");
    for (int i = 0; i < s.x().length; i++) {
      sb.append(String.format(Locale.ROOT, "%.10g", s.x()[i]));
      if (s.tStar() != null) {
        sb.append(String.format(Locale.ROOT, ",%.6g,%.10g,%b", s.tStar()[i], s.e()[i], s.interior()[i]));
      } else {
        sb.append(String.format(Locale.ROOT, ",%.10g", s.e()[i]));
      }
      if (s.se() != null) {
        sb.append(String.format(Locale.ROOT, ",%.3g", s.se()[i]));
      }
      sb.append(String.format(Locale.ROOT, ",%.5f,%s%n", local[i],
          fit != null && s.x()[i] >= lo && s.x()[i] <= hi ? String.format(Locale.ROOT, "%.10g", fit.valueAt(s.x()[i])) : ""));
    }
    if (out != null) {
      Files.writeString(out, sb, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println(summary);
      spec.commandLine().getOut().flush();
    } else {
      spec.commandLine().getOut().print(sb);
      spec.commandLine().getOut().flush();
    }
    if (plot != null) {
      writePlot(v, s, fit, th);
    }
    err.flush();
  }

  private void writePlot(String v, Sweep s, ScalingFit fit, double th) throws IOException {
    String yLabel = s.tStar() != null ? "E_g(t*)" : "E_g";
    LogLogChart chart = new LogLogChart("E_g vs " + v + " (" + s.sourceNote() + ")", v, yLabel)
        .points(s.tStar() != null ? "E_g(t*)" : "E_g", s.x(), s.e(), new Color(0x1f77b4));
    if (fit != null) {
      double[] fx = {fit.xMin(), fit.xMax()};
      chart.line(String.format(Locale.ROOT, "fit: slope %.3f +- %.3f", fit.slope(), fit.slopeError()), fx,
          new double[] {fit.valueAt(fx[0]), fit.valueAt(fx[1])}, new Color(0xd62728), false);
      if (!Double.isNaN(th)) {
        // Theoretical slope through the fit line's value at the geometric middle of the fit range.
        double xm = Math.sqrt(fx[0] * fx[1]);
        double ym = fit.valueAt(xm);
        chart.line(String.format(Locale.ROOT, "theory: slope %.3f", th), fx,
            new double[] {ym * Math.pow(fx[0] / xm, th), ym * Math.pow(fx[1] / xm, th)}, new Color(0x2ca02c), true);
      }
    }
    chart.write(plot);
  }
}
