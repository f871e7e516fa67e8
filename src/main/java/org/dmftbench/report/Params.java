package org.dmftbench.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Conventions on JMH {@code @Param} names shared by every benchmark of the suite: {@code n} is a
 * matrix or vector size, {@code N} a mode count, {@code impl} the implementation
 * ({@code panama} or {@code scalar}). The problem size of a row, used as the x axis of charts, is
 * the first of {@link #SIZE_KEYS} present with a numeric value.
 */
public final class Params {

  /** Param holding the implementation choice. */
  public static final String IMPL = "impl";
  /** Value of {@link #IMPL} that marks the plain Java twin. */
  public static final String SCALAR = "scalar";
  /** Params read as the problem size, in order of preference. */
  public static final List<String> SIZE_KEYS = List.of("n", "N", "size", "m", "k", "P", "dim");

  private Params() {
  }

  /** The problem size of a row, or NaN when it has no numeric size param. */
  public static double size(Map<String, String> params) {
    for (String key : SIZE_KEYS) {
      String v = params.get(key);
      if (v != null) {
        double d = number(v);
        if (!Double.isNaN(d)) {
          return d;
        }
      }
    }
    return Double.NaN;
  }

  /** The name of the size param of a row, or null. */
  public static String sizeKey(Map<String, String> params) {
    for (String key : SIZE_KEYS) {
      String v = params.get(key);
      if (v != null && !Double.isNaN(number(v))) {
        return key;
      }
    }
    return null;
  }

  /** The value as a number, or NaN when it is not one. */
  public static double number(String v) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Orders param maps key by key, numerically where both values are numbers. */
  static int compare(Map<String, String> a, Map<String, String> b) {
    Iterator<Map.Entry<String, String>> ia = a.entrySet().iterator();
    Iterator<Map.Entry<String, String>> ib = b.entrySet().iterator();
    while (ia.hasNext() && ib.hasNext()) {
      Map.Entry<String, String> ea = ia.next();
      Map.Entry<String, String> eb = ib.next();
      int c = ea.getKey().compareTo(eb.getKey());
      if (c != 0) {
        return c;
      }
      double da = number(ea.getValue());
      double db = number(eb.getValue());
      c = !Double.isNaN(da) && !Double.isNaN(db) ? Double.compare(da, db) : ea.getValue().compareTo(eb.getValue());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(ia.hasNext(), ib.hasNext());
  }
}
