package org.dmftbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dmftbench.dmft.ContourSolver;
import org.dmftbench.dmft.CurvePoint;
import org.dmftbench.dmft.TimeDomainSolver;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dmftbench curve}: the learning curve E_g(t) (and E_tr(t)) as CSV, by the contour method
 * (default) or the time-domain DMFT integration; every value carries only the digits its error
 * estimate supports.
 */
@Command(name = "curve", mixinStandardHelpOptions = true,
    description = "Learning curve E_g(t) of kernel regression with power-law spectra (DMFT), as CSV.")
final class CurveCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ProblemOptions problem;

  @Option(names = "--t-min", defaultValue = "1e-2", description = "First time (default ${DEFAULT-VALUE}).")
  double tMin;

  @Option(names = "--t-max", defaultValue = "1e6", description = "Last time (default ${DEFAULT-VALUE}; the time method defaults to 100).")
  String tMaxText;

  @Option(names = "--points", defaultValue = "64", description = "Number of log-spaced times (default ${DEFAULT-VALUE}).")
  int points;

  @Option(names = "--method", defaultValue = "contour", description = "contour (Laplace inversion) or time (time-domain DMFT integration).")
  String method;

  @Option(names = "--steps", defaultValue = "4000", description = "Time method: uniform steps on [0, 2 t-max] (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV to FILE instead of standard output.")
  Path out;

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the log-log learning curve to FILE (.png or .svg).")
  Path plot;

  @Override
  public Integer call() throws IOException {
    boolean time = switch (method.toLowerCase(Locale.ROOT)) {
      case "contour" -> false;
      case "time" -> true;
      default -> throw new UserInputException("--method must be contour or time, got '" + method + "'");
    };
    double tMax = tMaxText == null || (time && spec.commandLine().getParseResult().matchedOption("--t-max") == null)
        ? (time ? 100 : 1e6) : parsePositive("--t-max", tMaxText);
    if (!(tMin > 0) || !Double.isFinite(tMin) || !(tMax >= tMin)) {
      throw new UserInputException("need 0 < --t-min <= --t-max, got " + tMin + " and " + tMax);
    }
    if (points < 1 || points > 100_000) {
      throw new UserInputException("--points must be in [1, 100000], got " + points);
    }
    if (plot != null) {
      LearningCurvePlot.checkFormat(plot);
    }
    double[] ts = new double[points];
    for (int i = 0; i < points; i++) {
      ts[i] = points == 1 ? tMin : tMin * Math.pow(tMax / tMin, i / (points - 1.0));
    }
    StringWriter csv = new StringWriter();
    PrintWriter w = new PrintWriter(csv);
    double[] eg;
    try (Spectrum s = problem.spectrum()) {
      Problem pr = problem.problem(s);
      w.println("# dmftbench curve (" + (time ? "time-domain DMFT integration" : "contour method") + "): "
          + problem.describe(s));
      eg = time ? timeDomain(pr, ts, tMax, w) : contour(pr, ts, w);
    }
    w.flush();
    if (out != null) {
      Files.writeString(out, csv.toString(), StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(csv);
      spec.commandLine().getOut().flush();
    }
    if (plot != null) {
      LearningCurvePlot.write(plot, ts, eg, time ? "bias + T + sigma0 terms (time domain)" : "E_g(t)");
    }
    return DmftBench.OK;
  }

  private static double parsePositive(String name, String text) {
    try {
      double v = Double.parseDouble(text);
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new UserInputException(name + " must be finite and > 0, got " + text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserInputException(name + " must be a number, got '" + text + "'");
    }
  }

  private static double[] contour(Problem pr, double[] ts, PrintWriter w) {
    List<CurvePoint> pts = new ContourSolver(pr).curve(ts);
    boolean etr = pr.temperature() == 0 && pr.sigma0Sq() == 0;
    boolean mean = pr.temperature() > 0;
    w.println("# error: estimate of the absolute error of E_g (Weideman-Trefethen contours with 32 vs 24 nodes,"
        + " plus rounding); digits beyond it are not printed" + (etr ? "" : "; E_tr is given for T = 0 and sigma0 = 0 only"));
    w.println("t,E_g" + (mean ? ",E_g_mean_predictor" : "") + (etr ? ",E_tr" : "") + ",error");
    double[] eg = new double[ts.length];
    for (int i = 0; i < ts.length; i++) {
      CurvePoint p = pts.get(i);
      StringBuilder sb = new StringBuilder();
      sb.append(Double.toString(p.t())).append(',').append(Digits.format(p.eg(), p.egError()));
      if (mean) {
        sb.append(',').append(Digits.format(p.egMean(), p.egMeanError()));
      }
      if (etr) {
        sb.append(',').append(Digits.format(p.etr(), p.etrError()));
      }
      sb.append(',').append(Digits.error(p.egError()));
      w.println(sb);
      eg[i] = p.eg();
    }
    return eg;
  }

  private double[] timeDomain(Problem pr, double[] ts, double tMax, PrintWriter w) {
    if (steps < 4 || steps % 2 != 0) {
      throw new UserInputException("--steps must be an even number >= 4, got " + steps);
    }
    double tEnd = 2 * tMax;
    TimeDomainSolver solver = new TimeDomainSolver(pr);
    TimeDomainSolver.Solution fine = solver.solve(tEnd, steps);
    TimeDomainSolver.Solution coarse = solver.solve(tEnd, steps / 2);
    if (ts[0] < fine.h()) {
      throw new UserInputException(String.format(Locale.ROOT,
          "--t-min %.3g is below the time step %.3g of the time method (raise --t-min or --steps)", ts[0], fine.h()));
    }
    boolean population = Double.isInfinite(pr.p());
    w.println("# second-order scheme; error: (X(h) - X(2h))/3 of the bias (Richardson estimate), digits beyond the"
        + " estimate of each column are not printed");
    w.println("# R_Delta: collective response; bias: sum_k lambda_k mean(Delta_k)^2; T_term = T int_0^2t R_Delta;"
        + " sigma0_term = sigma0^2 R_Delta(2t)" + (population ? "; E_g = bias + T_term + sigma0_term + tau (P = inf)" : ""));
    w.println("t,R_Delta,bias,T_term,sigma0_term" + (population ? ",E_g" : "") + ",error");
    double temp = pr.temperature(), s0 = pr.sigma0Sq(), tau = pr.spectrum().tau();
    double[] eg = new double[ts.length];
    for (int i = 0; i < ts.length; i++) {
      double t = ts[i];
      double r = fine.at(fine.rDelta(), t), rErr = Math.abs(r - coarse.at(coarse.rDelta(), t)) / 3;
      double b = fine.at(fine.bias(), t), bErr = Math.abs(b - coarse.at(coarse.bias(), t)) / 3;
      double ti = temp * fine.at(fine.rIntegral(), 2 * t);
      double tiErr = Math.abs(ti - temp * coarse.at(coarse.rIntegral(), 2 * t)) / 3;
      double si = s0 * fine.at(fine.rDelta(), 2 * t);
      double siErr = Math.abs(si - s0 * coarse.at(coarse.rDelta(), 2 * t)) / 3;
      double total = b + ti + si + tau;
      StringBuilder sb = new StringBuilder(Double.toString(t));
      sb.append(',').append(Digits.format(r, rErr)).append(',').append(Digits.format(b, bErr))
          .append(',').append(Digits.format(ti, tiErr)).append(',').append(Digits.format(si, siErr));
      if (population) {
        sb.append(',').append(Digits.format(total, bErr + tiErr + siErr));
      }
      sb.append(',').append(Digits.error(bErr));
      w.println(sb);
      eg[i] = total;
    }
    return eg;
  }
}
