package org.dmftbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Run B against run A, row by row (rows matched by benchmark + params + mode).
 *
 * <p>Each row's effect is the <b>time ratio</b> B/A: seconds per operation of B over those of A,
 * whatever the unit ({@code ns/op}, {@code ops/s}: a throughput score is inverted), so below 1
 * means B is faster. Its interval is a percentile interval of a hierarchical bootstrap
 * ({@link Bootstrap}: forks, then iterations) with a fixed seed, so the same inputs always give the
 * same output. The verdict is {@link Verdict#of the dual gate}. A row with fewer than two forks on
 * either side cannot show fork-to-fork variation: its interval is reported but its verdict is
 * {@code inconclusive} (JMH's error, when it has one, is used only for rows with a single
 * measurement). The geometric mean of the time ratios gets its interval from the same replicates.
 *
 * <p>Accuracy figures are compared too: a figure of B above its recorded tolerance, or more than
 * {@code accuracyFactor} times A's (ignoring figures below a thousandth of the tolerance, which are
 * rounding-level), is an accuracy regression whatever the timing.
 */
public final class Comparison {

  /** Settings of a comparison. */
  public record Settings(double threshold, double confidence, int resamples, long seed, double accuracyFactor) {
    public static Settings defaults() {
      return new Settings(0.05, 0.95, 2000, 42L, 2.0);
    }
  }

  /** One matched row. */
  public record Row(RowKey key, JmhRow a, JmhRow b, double ratio, double lo, double hi, Verdict verdict, String note) {
  }

  /** One matched accuracy figure. */
  public record AccuracyRow(RowKey key, String metric, double a, double b, double tolerance, boolean regression) {
  }

  private final Settings settings;
  private final List<Row> rows = new ArrayList<>();
  private final List<RowKey> onlyA = new ArrayList<>();
  private final List<RowKey> onlyB = new ArrayList<>();
  private final List<AccuracyRow> accuracy = new ArrayList<>();
  private double geomean = Double.NaN;
  private double geoLo = Double.NaN;
  private double geoHi = Double.NaN;

  private Comparison(Settings settings) {
    this.settings = settings;
  }

  /** Compares B against A. */
  public static Comparison of(JmhResults a, JmhResults b, AccuracyRecords accA, AccuracyRecords accB, Settings s) {
    Comparison c = new Comparison(s);
    TreeSet<RowKey> keys = new TreeSet<>();
    a.rows().forEach(r -> keys.add(r.key()));
    b.rows().forEach(r -> keys.add(r.key()));
    List<double[]> logReplicates = new ArrayList<>();
    for (RowKey k : keys) {
      JmhRow ra = a.get(k);
      JmhRow rb = b.get(k);
      if (ra == null) {
        c.onlyB.add(k);
      } else if (rb == null) {
        c.onlyA.add(k);
      } else {
        c.rows.add(c.compareRow(k, ra, rb, logReplicates));
      }
    }
    c.geometricMean(logReplicates);
    c.compareAccuracy(accA, accB);
    return c;
  }

  private Row compareRow(RowKey k, JmhRow ra, JmhRow rb, List<double[]> logReplicates) {
    // One stream per row, derived from the seed and the row, so adding rows never changes another's interval.
    SplittableRandom rnd = new SplittableRandom(settings.seed() ^ (long) k.toString().hashCode() * 0x9E3779B97F4A7C15L);
    double ta = ra.unit().secondsPerOp(Bootstrap.mean(ra.raw()));
    double tb = rb.unit().secondsPerOp(Bootstrap.mean(rb.raw()));
    double ratio = tb / ta;
    if (ra.samples() < 2 || rb.samples() < 2) {
      return singleMeasurement(k, ra, rb, ratio, logReplicates);
    }
    double[] ma = Bootstrap.means(ra.raw(), settings.resamples(), rnd);
    double[] mb = Bootstrap.means(rb.raw(), settings.resamples(), rnd);
    double[] r = new double[ma.length];
    double[] logs = new double[ma.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = rb.unit().secondsPerOp(mb[i]) / ra.unit().secondsPerOp(ma[i]);
      logs[i] = Math.log(r[i]);
    }
    logReplicates.add(logs);
    double[] ci = Bootstrap.interval(r, settings.confidence());
    Verdict v = Verdict.of(ratio, ci[0], ci[1], settings.threshold());
    String note = "";
    if (ra.forks() < 2 || rb.forks() < 2) {
      note = "1 fork: interval ignores fork-to-fork variation";
      v = v == Verdict.UNCHANGED ? v : Verdict.INCONCLUSIVE;
    }
    return new Row(k, ra, rb, ratio, ci[0], ci[1], v, note);
  }

  /** A row with a single measurement on a side: JMH's error if both have one, else no interval. */
  private Row singleMeasurement(RowKey k, JmhRow ra, JmhRow rb, double ratio, List<double[]> logReplicates) {
    double[] logs = new double[settings.resamples()];
    java.util.Arrays.fill(logs, Math.log(ratio));
    logReplicates.add(logs);
    if (Double.isFinite(ra.error()) && Double.isFinite(rb.error()) && ra.score() > 0 && rb.score() > 0) {
      // JMH's error is the half-width of a 99.9 % interval; rescale to the requested level (normal approximation).
      double z999 = 3.2905;
      double z = normalQuantile(0.5 + settings.confidence() / 2);
      double rel = Math.hypot(ra.error() / ra.score(), rb.error() / rb.score()) * z / z999;
      double lo = ratio * Math.exp(-rel);
      double hi = ratio * Math.exp(rel);
      return new Row(k, ra, rb, ratio, lo, hi, Verdict.of(ratio, lo, hi, settings.threshold()),
          "single measurement: interval from JMH's error");
    }
    return new Row(k, ra, rb, ratio, Double.NaN, Double.NaN, Verdict.INCONCLUSIVE,
        "single measurement, no error (\"NaN\"): no interval");
  }

  /** Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9). */
  static double normalQuantile(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double q;
    if (p < 0.02425) {
      q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) {
      return -normalQuantile(1 - p);
    }
    q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  private void geometricMean(List<double[]> logReplicates) {
    if (rows.isEmpty()) {
      return;
    }
    double sum = 0;
    for (Row r : rows) {
      sum += Math.log(r.ratio());
    }
    geomean = Math.exp(sum / rows.size());
    double[] g = new double[settings.resamples()];
    for (double[] l : logReplicates) {
      for (int i = 0; i < g.length; i++) {
        g[i] += l[i];
      }
    }
    for (int i = 0; i < g.length; i++) {
      g[i] = Math.exp(g[i] / logReplicates.size());
    }
    double[] ci = Bootstrap.interval(g, settings.confidence());
    geoLo = ci[0];
    geoHi = ci[1];
  }

  private void compareAccuracy(AccuracyRecords accA, AccuracyRecords accB) {
    for (AccuracyRecord rb : accB.all()) {
      AccuracyRecord ra = accA.matching(rb);
      double tol = rb.tolerance();
      boolean overTol = Double.isNaN(rb.value()) || (Double.isFinite(tol) && rb.value() > tol);
      boolean worse = false;
      if (ra != null && Double.isFinite(ra.value())) {
        double floor = Double.isFinite(tol) ? tol * 1e-3 : 0;
        worse = rb.value() > settings.accuracyFactor() * Math.max(ra.value(), floor);
      }
      accuracy.add(new AccuracyRow(rb.key(), rb.metric(), ra == null ? Double.NaN : ra.value(), rb.value(), tol,
          overTol || worse));
    }
  }

  public List<Row> rows() {
    return rows;
  }

  public List<RowKey> onlyA() {
    return onlyA;
  }

  public List<RowKey> onlyB() {
    return onlyB;
  }

  public List<AccuracyRow> accuracy() {
    return accuracy;
  }

  public double geomean() {
    return geomean;
  }

  public double[] geomeanInterval() {
    return new double[] {geoLo, geoHi};
  }

  public Settings settings() {
    return settings;
  }

  public long count(Verdict v) {
    return rows.stream().filter(r -> r.verdict() == v).count();
  }

  /** True when a row is slower or an accuracy figure regressed. */
  public boolean hasRegression() {
    return count(Verdict.SLOWER) > 0 || accuracy.stream().anyMatch(AccuracyRow::regression);
  }

  // ---- output ------------------------------------------------------------------------------

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String sci(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2e", v);
  }

  static String score(JmhRow r) {
    String e = Double.isFinite(r.error()) ? " ± " + String.format(Locale.ROOT, "%.4g", r.error()) : "";
    return String.format(Locale.ROOT, "%.4g", r.score()) + e + " " + r.unit().text();
  }

  private String interval(Row r) {
    return Double.isNaN(r.lo()) ? "—" : "[" + fmt(r.lo()) + ", " + fmt(r.hi()) + "]";
  }

  private String header() {
    return String.format(Locale.ROOT, "time ratio B/A (< 1: B faster), %.0f %% bootstrap interval (%d resamples, seed %d), "
        + "threshold %.1f %%", settings.confidence() * 100, settings.resamples(), settings.seed(), settings.threshold() * 100);
  }

  private String summaryLine() {
    double[] g = geomeanInterval();
    return String.format(Locale.ROOT, "%d rows: %d faster, %d slower, %d unchanged, %d inconclusive; geometric mean %s %s; "
        + "%d accuracy regression(s); %d only in A, %d only in B",
        rows.size(), count(Verdict.FASTER), count(Verdict.SLOWER), count(Verdict.UNCHANGED), count(Verdict.INCONCLUSIVE),
        fmt(geomean), Double.isNaN(g[0]) ? "" : "[" + fmt(g[0]) + ", " + fmt(g[1]) + "]",
        accuracy.stream().filter(AccuracyRow::regression).count(), onlyA.size(), onlyB.size());
  }

  /** Plain text table for a terminal. */
  public String toText() {
    List<String[]> t = new ArrayList<>();
    t.add(new String[] {"benchmark", "params", "mode", "A", "B", "B/A", "interval", "verdict", "note"});
    for (Row r : rows) {
      t.add(new String[] {r.key().shortName(), r.key().paramsText(), r.key().mode(), score(r.a()), score(r.b()),
          fmt(r.ratio()), interval(r), r.verdict().label(), r.note()});
    }
    StringBuilder sb = new StringBuilder(header()).append("\n\n").append(TextTable.render(t));
    appendLists(sb, false);
    return sb.append('\n').append(summaryLine()).append('\n').toString();
  }

  /** Markdown for a pull-request comment. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder("### Benchmark comparison\n\n").append(summaryLine()).append("\n\n")
        .append(header()).append("\n\n")
        .append("| benchmark | params | mode | A | B | B/A | interval | verdict |\n|---|---|---|---:|---:|---:|---|---|\n");
    for (Row r : rows) {
      String v = switch (r.verdict()) {
        case SLOWER -> "**slower**";
        case FASTER -> "faster";
        default -> r.verdict().label();
      };
      sb.append("| ").append(r.key().shortName()).append(" | ").append(Report.md(r.key().paramsText())).append(" | ")
          .append(r.key().mode()).append(" | ").append(score(r.a())).append(" | ").append(score(r.b())).append(" | ")
          .append(fmt(r.ratio())).append(" | ").append(interval(r)).append(" | ").append(v)
          .append(r.note().isEmpty() ? "" : " (" + r.note() + ")").append(" |\n");
    }
    appendLists(sb, true);
    return sb.toString();
  }

  private void appendLists(StringBuilder sb, boolean md) {
    if (!accuracy.isEmpty()) {
      sb.append(md ? "\n#### Accuracy (smaller is better)\n\n| benchmark | params | metric | A | B | tolerance | |\n|---|---|---|---:|---:|---:|---|\n"
          : "\naccuracy (smaller is better):\n");
      for (AccuracyRow a : accuracy) {
        String flag = a.regression() ? "REGRESSION" : "ok";
        if (md) {
          sb.append("| ").append(a.key().shortName()).append(" | ").append(Report.md(a.key().paramsText())).append(" | ")
              .append(Report.md(a.metric()))
              .append(" | ").append(sci(a.a())).append(" | ").append(sci(a.b())).append(" | ").append(sci(a.tolerance()))
              .append(" | ").append(a.regression() ? "**regression**" : "ok").append(" |\n");
        } else {
          sb.append("  ").append(a.key().shortName()).append(" [").append(a.key().paramsText()).append("] ").append(a.metric())
              .append(": A ").append(sci(a.a())).append(", B ").append(sci(a.b())).append(", tolerance ")
              .append(sci(a.tolerance())).append("  ").append(flag).append('\n');
        }
      }
    }
    for (var e : List.of(java.util.Map.entry("only in A", onlyA), java.util.Map.entry("only in B", onlyB))) {
      if (!e.getValue().isEmpty()) {
        sb.append(md ? "\n**" + e.getKey() + ":** " : "\n" + e.getKey() + ": ");
        sb.append(String.join(", ", e.getValue().stream().map(RowKey::toString).toList())).append('\n');
      }
    }
  }

  /** Machine-readable result. */
  public String toJson() {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = m.createObjectNode();
    o.put("threshold", settings.threshold());
    o.put("confidence", settings.confidence());
    o.put("resamples", settings.resamples());
    o.put("seed", settings.seed());
    ArrayNode rs = o.putArray("rows");
    for (Row r : rows) {
      ObjectNode n = rs.addObject();
      key(n, r.key());
      n.put("unitA", r.a().unit().text());
      n.put("unitB", r.b().unit().text());
      n.put("scoreA", r.a().score());
      n.put("scoreB", r.b().score());
      n.put("timeRatio", r.ratio());
      putNumber(n, "lo", r.lo());
      putNumber(n, "hi", r.hi());
      n.put("verdict", r.verdict().label());
      n.put("note", r.note());
    }
    ArrayNode ac = o.putArray("accuracy");
    for (AccuracyRow a : accuracy) {
      ObjectNode n = ac.addObject();
      key(n, a.key());
      n.put("metric", a.metric());
      putNumber(n, "a", a.a());
      putNumber(n, "b", a.b());
      putNumber(n, "tolerance", a.tolerance());
      n.put("regression", a.regression());
    }
    onlyA.forEach(k -> key(o.withArray("onlyA").addObject(), k));
    onlyB.forEach(k -> key(o.withArray("onlyB").addObject(), k));
    ObjectNode g = o.putObject("geomean");
    putNumber(g, "ratio", geomean);
    putNumber(g, "lo", geoLo);
    putNumber(g, "hi", geoHi);
    o.put("regression", hasRegression());
    try {
      return m.writeValueAsString(o) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void key(ObjectNode n, RowKey k) {
    n.put("benchmark", k.benchmark());
    n.put("mode", k.mode());
    ObjectNode p = n.putObject("params");
    k.params().forEach(p::put);
  }

  private static void putNumber(ObjectNode n, String f, double v) {
    if (Double.isFinite(v)) {
      n.put(f, v);
    } else {
      n.putNull(f);
    }
  }
}
