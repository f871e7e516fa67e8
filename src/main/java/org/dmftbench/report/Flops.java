package org.dmftbench.report;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Floating-point operation counts of the benchmarks whose GFLOP/s is meaningful, keyed by a
 * pattern on the benchmark's method name (case-insensitive, matched against {@code Class.method})
 * and computed from its params ({@code n}; {@code m}, {@code k} when present, else {@code n}).
 * The counts are the conventional ones (LAPACK Working Note 41, Table 3; a multiply-add counts 2).
 * Rules are matched against the row's family ({@link Peers#family}: peer tokens removed, so
 * {@code GemmBenchmark.ejmlMult} is {@code GemmBenchmark.Mult}). A benchmark that matches no rule
 * gets no GFLOP/s value. To add one, append a {@link Rule}
 * to {@link #RULES}; the first matching rule wins.
 */
public final class Flops {

  /** A count rule: pattern on {@code Class.method}, flops as a function of the params. */
  public record Rule(Pattern pattern, String formula, ToDoubleFunction<Map<String, String>> flops) {
    static Rule of(String regex, String formula, ToDoubleFunction<Map<String, String>> flops) {
      return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), formula, flops);
    }
  }

  /** The registry, most specific first. */
  public static final List<Rule> RULES = List.of(
      Rule.of("\\.multiplyTransposedNarrow$", "8·n² (Aᵀ·B, B n×4)", p -> 8 * n(p) * n(p)),
      Rule.of("\\.(gemm|dgemm|mult)\\w*$", "2·m·n·k (n³ when square)", p -> 2 * m(p) * n(p) * k(p)),
      Rule.of("\\.syr2k\\w*$", "2·n²·k", p -> 2 * n(p) * n(p) * k(p)),
      Rule.of("\\.syrk\\w*$", "n²·k", p -> n(p) * n(p) * k(p)),
      Rule.of("\\.(gemv|symv)\\w*$", "2·m·n", p -> 2 * m(p) * n(p)),
      Rule.of("\\.syr2\\w*$", "2·n²", p -> 2 * n(p) * n(p)),
      Rule.of("\\.(complexdot|cdot|zdot)\\w*$", "8·n", p -> 8 * n(p)),
      Rule.of("\\.(bilinear|weighted)\\w*$", "3·n", p -> 3 * n(p)),
      Rule.of("\\.(dot|ddot|axpy|daxpy|nrm2|dnrm2)\\w*$", "2·n", p -> 2 * n(p)),
      Rule.of("\\.(scal|dscal)\\w*$", "n", p -> n(p)),
      Rule.of("\\.(tridiag\\w*|sytrd\\w*)$", "4/3·n³", p -> 4.0 / 3 * Math.pow(n(p), 3)));

  private Flops() {
  }

  /** Flops of one operation of the benchmark, if a rule matches and the params it needs exist. */
  public static OptionalDouble of(RowKey key) {
    String name = Peers.family(key);
    for (Rule r : RULES) {
      if (r.pattern().matcher(name).find()) {
        double f = r.flops().applyAsDouble(key.params());
        return Double.isFinite(f) && f > 0 ? OptionalDouble.of(f) : OptionalDouble.empty();
      }
    }
    return OptionalDouble.empty();
  }

  /** The formula of the rule that matches, or null. */
  public static String formula(RowKey key) {
    for (Rule r : RULES) {
      if (r.pattern().matcher(Peers.family(key)).find()) {
        return r.formula();
      }
    }
    return null;
  }

  /** GFLOP/s of a row, or NaN when no rule applies. */
  public static double gflops(JmhRow row) {
    OptionalDouble f = of(row.key());
    if (f.isEmpty()) {
      return Double.NaN;
    }
    return f.getAsDouble() / row.unit().secondsPerOp(row.score()) / 1e9;
  }

  private static double n(Map<String, String> p) {
    return get(p, "n", Double.NaN);
  }

  private static double m(Map<String, String> p) {
    return get(p, "m", n(p));
  }

  private static double k(Map<String, String> p) {
    return get(p, "k", n(p));
  }

  private static double get(Map<String, String> p, String key, double dflt) {
    String v = p.get(key);
    return v == null ? dflt : Params.number(v);
  }
}
