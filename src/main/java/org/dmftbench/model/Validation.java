package org.dmftbench.model;

/** One-line checks of scalar inputs; each failure is an IllegalArgumentException naming the input. */
public final class Validation {

  private Validation() {
  }

  /** Requires a finite value &gt; 0. */
  public static double positiveFinite(String name, double v) {
    if (!Double.isFinite(v) || !(v > 0)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
    return v;
  }

  /** Requires a finite value ≥ 0. */
  public static double nonNegativeFinite(String name, double v) {
    if (!Double.isFinite(v) || !(v >= 0)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
    return v;
  }
}
