package org.dmftbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reader of JMH's JSON result format ({@code -rf json}): an array of rows, each with
 * {@code benchmark}, {@code mode}, {@code params}, {@code primaryMetric.score},
 * {@code scoreError} (a number or the string {@code "NaN"}), {@code scoreUnit} and
 * {@code rawData} ({@code [fork][iteration]}). Anything else in the file is ignored. A file that
 * is not such an array gives a {@link BadResultException} with one line saying why.
 */
public final class JmhResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<RowKey, JmhRow> rows;

  private JmhResults(Map<RowKey, JmhRow> rows) {
    this.rows = rows;
  }

  /** The rows, sorted by benchmark, mode and params. */
  public List<JmhRow> rows() {
    return List.copyOf(rows.values());
  }

  /** The row of {@code key}, or null. */
  public JmhRow get(RowKey key) {
    return rows.get(key);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * Reads a JMH JSON file, or a directory: a result bundle's {@code jmh.json}, or when it has none,
   * every {@code jmh*.json} in it, with rows of the same key merged as extra forks (interleaved runs).
   */
  public static JmhResults read(Path path) {
    if (Files.isDirectory(path)) {
      Path single = path.resolve("jmh.json");
      if (Files.isRegularFile(single)) {
        return readFile(single);
      }
      List<Path> parts;
      try (Stream<Path> s = Files.list(path)) {
        parts = s.filter(p -> p.getFileName().toString().matches("jmh.*\\.json")).sorted().toList();
      } catch (IOException e) {
        throw new BadResultException("cannot list " + path + ": " + e.getMessage());
      }
      if (parts.isEmpty()) {
        throw new BadResultException(path + " holds no jmh.json (not a result bundle)");
      }
      JmhResults merged = new JmhResults(new TreeMap<>());
      for (Path p : parts) {
        merged = merged.mergedWith(readFile(p));
      }
      return merged;
    }
    return readFile(path);
  }

  /** Reads one JMH JSON file. */
  public static JmhResults readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadResultException(file + ": no such file");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      String what = e.getOriginalMessage();
      if (what != null) {
        what = what.lines().findFirst().orElse(what);
      }
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new BadResultException(file + ": not valid JMH JSON (truncated or corrupted"
          + (line > 0 ? " at line " + line : "") + ": " + what + ")");
    } catch (IOException e) {
      throw new BadResultException(file + ": cannot read: " + e.getMessage());
    }
    return parse(root, file.toString());
  }

  /** Parses a JMH JSON document already read; {@code source} names it in error messages. */
  public static JmhResults parse(JsonNode root, String source) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new BadResultException(source + ": empty file (the JMH run wrote no results)");
    }
    if (!root.isArray()) {
      throw new BadResultException(source + ": not a JMH result file (expected a JSON array of benchmark rows)");
    }
    Map<RowKey, JmhRow> rows = new TreeMap<>();
    int i = 0;
    for (JsonNode n : root) {
      JmhRow row = parseRow(n, source + " row " + i);
      JmhRow old = rows.put(row.key(), row);
      if (old != null) {
        rows.put(row.key(), old.mergedWith(row));
      }
      i++;
    }
    return new JmhResults(rows);
  }

  private static JmhRow parseRow(JsonNode n, String where) {
    String benchmark = text(n, "benchmark", where);
    String mode = text(n, "mode", where);
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode p = n.get("params");
    if (p != null && p.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode pm = n.get("primaryMetric");
    if (pm == null || !pm.isObject()) {
      throw new BadResultException(where + " (" + benchmark + "): no primaryMetric");
    }
    double score = number(pm.get("score"), where + " score");
    double error = pm.has("scoreError") ? number(pm.get("scoreError"), where + " scoreError") : Double.NaN;
    Unit unit = Unit.parse(text(pm, "scoreUnit", where));
    double[][] raw = raw(pm.get("rawData"), score, where);
    int threads = n.has("threads") ? n.get("threads").asInt(1) : 1;
    if (!Double.isFinite(score)) {
      throw new BadResultException(where + " (" + benchmark + "): score is " + score);
    }
    return new JmhRow(new RowKey(benchmark, mode, params), score, error, unit, raw, threads);
  }

  private static double[][] raw(JsonNode node, double score, String where) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      // Some tools strip rawData: keep the score as a single measurement.
      return new double[][] {{score}};
    }
    List<double[]> forks = new ArrayList<>();
    for (JsonNode f : node) {
      if (!f.isArray()) {
        throw new BadResultException(where + ": rawData is not [fork][iteration]");
      }
      double[] it = new double[f.size()];
      for (int j = 0; j < it.length; j++) {
        it[j] = number(f.get(j), where + " rawData");
        if (!Double.isFinite(it[j])) {
          throw new BadResultException(where + ": rawData holds " + it[j]);
        }
      }
      if (it.length > 0) {
        forks.add(it);
      }
    }
    if (forks.isEmpty()) {
      return new double[][] {{score}};
    }
    return forks.toArray(new double[0][]);
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isValueNode()) {
      throw new BadResultException(where + ": no \"" + field + "\" (not a JMH result row)");
    }
    return v.asText();
  }

  /** A number, or NaN for JMH's {@code "NaN"} strings; anything else is bad input. */
  private static double number(JsonNode v, String where) {
    if (v == null || v.isNull()) {
      throw new BadResultException(where + " is missing");
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      String t = v.asText().trim();
      if (t.equalsIgnoreCase("NaN")) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        throw new BadResultException(where + " is \"" + t + "\", not a number");
      }
    }
    throw new BadResultException(where + " is not a number");
  }

  /** These results with the rows of {@code other} added; rows of the same key get its forks appended. */
  public JmhResults mergedWith(JmhResults other) {
    Map<RowKey, JmhRow> m = new TreeMap<>(rows);
    for (JmhRow r : other.rows.values()) {
      m.merge(r.key(), r, JmhRow::mergedWith);
    }
    return new JmhResults(m);
  }
}
