package org.dmftbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JDK / JVM-configuration matrix: several result bundles of the same benchmarks, each run on
 * one JVM configuration; every configuration is compared with the first ({@link Comparison}: time
 * ratio with a bootstrap interval per row, geometric mean with its interval), and the report lists
 * each configuration's JDK vendor, version, vector width and kernel provider from its provenance.
 */
public final class Matrix {

  /** One configuration: its label, bundle, provenance and results. */
  public record Config(String label, Path bundle, ObjectNode provenance, JmhResults results, AccuracyRecords accuracy) {
  }

  private final List<Config> configs;
  private final List<Comparison> comparisons = new ArrayList<>();

  private Matrix(List<Config> configs, Comparison.Settings settings) {
    this.configs = configs;
    Config ref = configs.get(0);
    for (int i = 1; i < configs.size(); i++) {
      Config c = configs.get(i);
      comparisons.add(Comparison.of(ref.results(), c.results(), ref.accuracy(), c.accuracy(), settings));
    }
  }

  /** Reads the bundles (at least two); the first is the reference. */
  public static Matrix read(List<Path> bundles, Comparison.Settings settings) {
    if (bundles.size() < 2) {
      throw new BadResultException("a matrix needs at least two result directories (the first is the reference)");
    }
    List<Config> cs = new ArrayList<>();
    for (Path b : bundles) {
      ObjectNode prov = Provenance.read(b);
      String label = prov.hasNonNull("label") ? prov.get("label").asText() : b.getFileName().toString();
      cs.add(new Config(label, b, prov, JmhResults.read(b), AccuracyRecords.read(b)));
    }
    return new Matrix(cs, settings);
  }

  public List<Comparison> comparisons() {
    return comparisons;
  }

  /** Writes matrix.md, matrix.json and the ratio chart into {@code out}; returns the files. */
  public List<Path> write(Path out) throws IOException {
    Files.createDirectories(out);
    List<Path> files = new ArrayList<>();
    TreeSet<RowKey> keys = new TreeSet<>();
    comparisons.forEach(c -> c.rows().forEach(r -> keys.add(r.key())));
    List<RowKey> order = new ArrayList<>(keys);
    List<String> labels = new ArrayList<>();
    order.forEach(k -> labels.add(k.shortName() + (k.params().isEmpty() ? "" : " " + k.paramsText())));
    labels.add("geometric mean");
    Map<String, double[][]> series = new LinkedHashMap<>();
    for (int i = 0; i < comparisons.size(); i++) {
      Comparison c = comparisons.get(i);
      double[][] v = new double[order.size() + 1][];
      for (Comparison.Row r : c.rows()) {
        v[order.indexOf(r.key())] = new double[] {r.ratio(), r.lo(), r.hi()};
      }
      double[] g = c.geomeanInterval();
      v[order.size()] = new double[] {c.geomean(), g[0], g[1]};
      series.put(configs.get(i + 1).label(), v);
    }
    files.addAll(Charts.ratioChart("Time ratio to " + configs.get(0).label(), "95 % bootstrap intervals", labels, series,
        out, "matrix"));
    Path md = out.resolve("matrix.md");
    Files.writeString(md, markdown(order), StandardCharsets.UTF_8);
    files.add(md);
    Path json = out.resolve("matrix.json");
    Files.writeString(json, json(), StandardCharsets.UTF_8);
    files.add(json);
    return files;
  }

  private static String f(ObjectNode p, String k) {
    return p.hasNonNull(k) ? p.get(k).asText() : "?";
  }

  /** The Markdown report. */
  public String markdown(List<RowKey> order) {
    StringBuilder sb = new StringBuilder("# JVM matrix\n\nReference: **").append(configs.get(0).label())
        .append("**. Cells: time ratio to the reference (< 1: faster) and its 95 % bootstrap interval "
            + "(forks, then iterations); verdict by the dual gate.\n\n")
        .append("| configuration | JDK | vector | kernels | JVM flags |\n|---|---|---|---|---|\n");
    for (Config c : configs) {
      sb.append("| ").append(c.label()).append(" | ").append(f(c.provenance(), "jdkVendor")).append(' ')
          .append(f(c.provenance(), "jdkVersion")).append(" | ").append(f(c.provenance(), "vectorBits")).append("-bit | ")
          .append(f(c.provenance(), "kernelProvider")).append(" | ")
          .append(c.provenance().has("jvmFlags") ? c.provenance().get("jvmFlags").toString().replace("|", "\\|") : "?")
          .append(" |\n");
    }
    sb.append("\n| benchmark | params |");
    for (int i = 1; i < configs.size(); i++) {
      sb.append(' ').append(configs.get(i).label()).append(" |");
    }
    sb.append("\n|---|---|").append("---|".repeat(configs.size() - 1)).append('\n');
    for (RowKey k : order) {
      sb.append("| ").append(k.shortName()).append(" | ").append(k.paramsText()).append(" |");
      for (Comparison c : comparisons) {
        Comparison.Row r = c.rows().stream().filter(x -> x.key().equals(k)).findFirst().orElse(null);
        sb.append(' ').append(r == null ? "—" : cell(r.ratio(), r.lo(), r.hi()) + " " + r.verdict().label()).append(" |");
      }
      sb.append('\n');
    }
    sb.append("| **geometric mean** | |");
    for (Comparison c : comparisons) {
      double[] g = c.geomeanInterval();
      sb.append(" **").append(cell(c.geomean(), g[0], g[1])).append("** |");
    }
    sb.append("\n\n![matrix](matrix.png)\n");
    return sb.toString();
  }

  private static String cell(double r, double lo, double hi) {
    return Comparison.fmt(r) + (Double.isNaN(lo) ? "" : String.format(Locale.ROOT, " [%s, %s]", Comparison.fmt(lo), Comparison.fmt(hi)));
  }

  private String json() throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = m.createObjectNode();
    ArrayNode cs = o.putArray("configurations");
    for (Config c : configs) {
      ObjectNode n = cs.addObject();
      n.put("label", c.label());
      n.put("bundle", c.bundle().toString());
      n.set("provenance", c.provenance());
    }
    ArrayNode comps = o.putArray("comparisons");
    for (int i = 0; i < comparisons.size(); i++) {
      ObjectNode n = comps.addObject();
      n.put("label", configs.get(i + 1).label());
      n.set("result", m.readTree(comparisons.get(i).toJson()));
    }
    return m.writeValueAsString(o) + "\n";
  }
}
