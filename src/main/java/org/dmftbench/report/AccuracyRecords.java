package org.dmftbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accuracy figures of a result bundle ({@code accuracy.jsonl}, one JSON object per line,
 * appended by every fork's trial set-up). The same figure recorded by several forks is kept once,
 * with the worst (largest) value.
 */
public final class AccuracyRecords {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Key: row key + metric. */
  private final Map<String, AccuracyRecord> byId;

  private AccuracyRecords(Map<String, AccuracyRecord> byId) {
    this.byId = byId;
  }

  /** No figures. */
  public static AccuracyRecords empty() {
    return new AccuracyRecords(new TreeMap<>());
  }

  /**
   * Reads {@code accuracy.jsonl} from a bundle directory (or the file itself); a missing file gives
   * no figures, a malformed line a {@link BadResultException}.
   */
  public static AccuracyRecords read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve("accuracy.jsonl") : path;
    if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".jsonl")) {
      return empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadResultException(file + ": cannot read: " + e.getMessage());
    }
    Map<String, AccuracyRecord> m = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      AccuracyRecord r = parse(line, file + " line " + (i + 1));
      m.merge(id(r.key(), r.metric()), r, (a, b) -> worse(a.value(), b.value()) ? a : b);
    }
    return new AccuracyRecords(m);
  }

  private static boolean worse(double a, double b) {
    return Double.isNaN(a) || a > b;
  }

  private static AccuracyRecord parse(String line, String where) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadResultException(where + ": not a JSON accuracy record (truncated or corrupted)");
    }
    if (n == null || !n.isObject() || !n.hasNonNull("benchmark") || !n.hasNonNull("metric") || !n.has("value")) {
      throw new BadResultException(where + ": an accuracy record needs benchmark, metric and value");
    }
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode p = n.get("params");
    if (p != null && p.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
    }
    String mode = n.hasNonNull("mode") ? n.get("mode").asText() : "";
    return new AccuracyRecord(new RowKey(n.get("benchmark").asText(), mode, params), n.get("metric").asText(),
        number(n.get("value")), n.has("tolerance") ? number(n.get("tolerance")) : Double.NaN);
  }

  private static double number(JsonNode v) {
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    return v.isNumber() ? v.asDouble() : Params.number(v.asText());
  }

  private static String id(RowKey k, String metric) {
    return k.benchmark() + "|" + k.mode() + "|" + k.params() + "|" + metric;
  }

  /** Every figure, sorted by benchmark, mode, params and metric. */
  public List<AccuracyRecord> all() {
    return new ArrayList<>(byId.values());
  }

  /** The figures of one JMH row (matched by benchmark and params; a record without a mode matches any). */
  public List<AccuracyRecord> of(RowKey key) {
    List<AccuracyRecord> out = new ArrayList<>();
    for (AccuracyRecord r : byId.values()) {
      if (r.key().benchmark().equals(key.benchmark()) && r.key().params().equals(key.params())
          && (r.key().mode().isEmpty() || r.key().mode().equals(key.mode()))) {
        out.add(r);
      }
    }
    return out;
  }

  /** The figure with the same row key and metric as {@code r}, or null. */
  public AccuracyRecord matching(AccuracyRecord r) {
    return byId.get(id(r.key(), r.metric()));
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }
}
