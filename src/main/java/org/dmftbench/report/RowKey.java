package org.dmftbench.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What identifies one JMH result row: the fully qualified benchmark method, the mode (avgt, thrpt,
 * ss, sample) and the {@code @Param} values (sorted by key, so order in the file does not matter).
 */
public record RowKey(String benchmark, String mode, Map<String, String> params) implements Comparable<RowKey> {

  public RowKey {
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** {@code Class.method}: the benchmark without its package. */
  public String shortName() {
    int dot = benchmark.lastIndexOf('.');
    int prev = dot > 0 ? benchmark.lastIndexOf('.', dot - 1) : -1;
    return benchmark.substring(prev + 1);
  }

  /** The simple class name of the benchmark. */
  public String className() {
    String s = shortName();
    int dot = s.indexOf('.');
    return dot < 0 ? s : s.substring(0, dot);
  }

  /** The method name of the benchmark. */
  public String method() {
    String s = shortName();
    return s.substring(s.indexOf('.') + 1);
  }

  /** {@code n=64, impl=scalar}, or empty without params. */
  public String paramsText() {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** The same key with {@code param} set to {@code value}. */
  public RowKey with(String param, String value) {
    Map<String, String> p = new TreeMap<>(params);
    p.put(param, value);
    return new RowKey(benchmark, mode, p);
  }

  @Override
  public int compareTo(RowKey o) {
    int c = benchmark.compareTo(o.benchmark);
    if (c != 0) {
      return c;
    }
    c = mode.compareTo(o.mode);
    if (c != 0) {
      return c;
    }
    return Params.compare(params, o.params);
  }

  @Override
  public String toString() {
    return shortName() + (params.isEmpty() ? "" : " [" + paramsText() + "]") + " " + mode;
  }
}
