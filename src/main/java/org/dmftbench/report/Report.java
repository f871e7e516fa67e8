package org.dmftbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The human part of a result bundle, regenerated from its files: {@code summary.md} (a table of
 * every row with score ± error, GFLOP/s where {@link Flops} knows the count, the accuracy figures,
 * the speed-up over the scalar twin and over the fastest peer per the {@link Peers} convention) and
 * the charts ({@link Charts}) in {@code charts/}.
 */
public final class Report {

  private final Path bundle;
  private final JmhResults results;
  private final AccuracyRecords accuracy;
  private final ObjectNode provenance;

  private Report(Path bundle, JmhResults results, AccuracyRecords accuracy, ObjectNode provenance) {
    this.bundle = bundle;
    this.results = results;
    this.accuracy = accuracy;
    this.provenance = provenance;
  }

  /** Reads a bundle; {@link BadResultException} when its JMH JSON is missing, truncated or corrupted. */
  public static Report read(Path bundle) {
    if (!Files.isDirectory(bundle)) {
      throw new BadResultException(bundle + ": not a result directory");
    }
    JmhResults r = JmhResults.read(bundle);
    if (r.isEmpty()) {
      throw new BadResultException(bundle + ": the JMH JSON holds no benchmark rows");
    }
    return new Report(bundle, r, AccuracyRecords.read(bundle), Provenance.read(bundle));
  }

  /** Writes summary.md and the charts; returns the files written. */
  public List<Path> write() throws IOException {
    List<Path> files = new ArrayList<>();
    Path charts = bundle.resolve("charts");
    List<Path> chartFiles = Charts.write(results, charts, subtitle());
    Path summary = bundle.resolve("summary.md");
    Files.writeString(summary, summary(chartFiles), StandardCharsets.UTF_8);
    files.add(summary);
    files.addAll(chartFiles);
    return files;
  }

  private String subtitle() {
    return String.join(", ", List.of(p("jdkVendor") + " " + p("jdkVersion"), p("kernelProvider"), p("cpuModel"),
        "commit " + shortCommit())).replace("null", "?");
  }

  private String p(String field) {
    JsonNode n = provenance.get(field);
    return n == null || n.isNull() ? "?" : n.isValueNode() ? n.asText() : n.toString();
  }

  private String shortCommit() {
    String c = p("commit");
    return (c.length() > 10 ? c.substring(0, 10) : c) + (provenance.path("dirty").asBoolean(false) ? " (dirty)" : "");
  }

  /** The Markdown summary. */
  String summary(List<Path> chartFiles) {
    StringBuilder sb = new StringBuilder("# Benchmark results: ").append(bundle.getFileName()).append("\n\n");
    if (!provenance.isEmpty()) {
      sb.append("| | |\n|---|---|\n");
      row(sb, "date", p("date"));
      row(sb, "commit", shortCommit());
      row(sb, "profile", p("profile"));
      row(sb, "CPU", p("cpuModel") + " (" + p("cores") + " cores)");
      row(sb, "OS", p("os"));
      row(sb, "JDK", p("jdkVendor") + " " + p("jdkVersion"));
      row(sb, "kernels", p("kernelProvider"));
      row(sb, "vector", p("vectorSpecies"));
      row(sb, "JVM flags", p("jvmFlags"));
      row(sb, "JMH arguments", p("jmhArgs"));
      sb.append('\n');
    }
    sb.append("Score ± error is JMH's mean and the half-width of its 99.9 % interval. GFLOP/s uses the "
        + "conventional operation count (see the last table). ×scalar and ×peer are speed-ups "
        + "(time of the scalar twin, resp. of the fastest peer library, over this row's time; > 1 = this row is faster). "
        + "Accuracy figures (smaller is better, checked against the tolerance in brackets) are those recorded by the "
        + "benchmark's trial set-up.\n\n");
    sb.append("| benchmark | params | mode | score ± error | unit | GFLOP/s | accuracy | ×scalar | ×peer |\n")
        .append("|---|---|---|---:|---|---:|---|---:|---:|\n");
    for (JmhRow r : results.rows()) {
      RowKey k = r.key();
      String peer = Peers.peerOf(k);
      sb.append("| ").append(k.shortName()).append(" | ").append(md(k.paramsText())).append(" | ").append(k.mode())
          .append(" | ").append(String.format(Locale.ROOT, "%.4g", r.score()))
          .append(Double.isFinite(r.error()) ? String.format(Locale.ROOT, " ± %.2g", r.error()) : "")
          .append(" | ").append(r.unit().text())
          .append(" | ").append(num(Flops.gflops(r), "%.2f"))
          .append(" | ").append(md(accuracyText(k)))
          .append(" | ").append(num(speedupOverScalar(r), "%.2f"))
          .append(" | ").append(peer != null ? "(" + peer + ")" : peerText(r)).append(" |\n");
    }
    List<AccuracyRecord> orphans = accuracy.all().stream().filter(a -> results.rows().stream()
        .noneMatch(r -> r.key().benchmark().equals(a.key().benchmark()) && r.key().params().equals(a.key().params())))
        .toList();
    if (!orphans.isEmpty()) {
      sb.append("\nAccuracy figures without a timing row (the benchmark failed or was not measured):\n\n");
      orphans.forEach(a -> sb.append("- ").append(a.key()).append(": ").append(a.metric()).append(" = ")
          .append(Comparison.sci(a.value())).append('\n'));
    }
    Map<String, String> formulas = new java.util.TreeMap<>();
    results.rows().forEach(r -> {
      String f = Flops.formula(r.key());
      if (f != null) {
        formulas.put(Peers.family(r.key()), f);
      }
    });
    if (!formulas.isEmpty()) {
      sb.append("\n| family | flops per operation |\n|---|---|\n");
      formulas.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }
    if (!chartFiles.isEmpty()) {
      sb.append("\n## Charts\n\n");
      for (Path c : chartFiles) {
        if (c.toString().endsWith(".png")) {
          String rel = bundle.relativize(c).toString();
          sb.append("![").append(c.getFileName()).append("](").append(rel).append(")\n");
        }
      }
    }
    return sb.toString();
  }

  /** Text safe inside a Markdown table cell. */
  static String md(String s) {
    return s.replace("|", "\\|");
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n");
  }

  private static String num(double v, String f) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "";
  }

  private String accuracyText(RowKey k) {
    return accuracy.of(k).stream().map(a -> a.metric() + " " + Comparison.sci(a.value())
        + (Double.isFinite(a.tolerance()) ? " (≤ " + Comparison.sci(a.tolerance()) + ")" : ""))
        .collect(Collectors.joining("; "));
  }

  /** Scalar twin's time over this row's time, or NaN. */
  double speedupOverScalar(JmhRow r) {
    if (Peers.isScalar(r.key()) || Peers.peerOf(r.key()) != null) {
      return Double.NaN;
    }
    JmhRow twin = null;
    if (r.key().params().containsKey(Params.IMPL)) {
      twin = results.get(r.key().with(Params.IMPL, Params.SCALAR));
    }
    if (twin == null) {
      twin = results.rows().stream().filter(o -> o.key().benchmark().equals(r.key().benchmark() + "Scalar")
          && o.key().mode().equals(r.key().mode()) && o.key().params().equals(r.key().params())).findFirst().orElse(null);
    }
    return twin == null ? Double.NaN : seconds(twin) / seconds(r);
  }

  /** "2.31 (Ejml)": fastest peer's time over this row's time, or empty. */
  String peerText(JmhRow r) {
    Map<String, String> problem = Peers.problem(r.key());
    String fam = Peers.family(r.key());
    JmhRow best = null;
    for (JmhRow o : results.rows()) {
      if (Peers.peerOf(o.key()) != null && Peers.family(o.key()).equals(fam) && o.key().mode().equals(r.key().mode())
          && Peers.problem(o.key()).equals(problem) && (best == null || seconds(o) < seconds(best))) {
        best = o;
      }
    }
    return best == null ? "" : String.format(Locale.ROOT, "%.2f (%s)", seconds(best) / seconds(r), Peers.peerOf(best.key()));
  }

  private static double seconds(JmhRow r) {
    return r.unit().secondsPerOp(r.score());
  }

  public JmhResults results() {
    return results;
  }
}
