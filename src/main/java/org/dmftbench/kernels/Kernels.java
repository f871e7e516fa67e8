package org.dmftbench.kernels;

import java.util.Locale;

/**
 * The kernel provider: picks the implementation of {@link DenseKernels} and {@link ComplexKernels}
 * once, when this class is initialized, and tells why when it falls back to the scalar twins.
 *
 * <p>The choice is governed by the system property {@value #PROPERTY}:
 * <ul>
 *   <li>{@code auto} (default): the Vector API implementation when the {@code jdk.incubator.vector}
 *       module is present ({@code --add-modules jdk.incubator.vector}) and the preferred species
 *       holds at least two doubles; otherwise scalar, with one warning line on standard error;</li>
 *   <li>{@code panama}: the Vector API implementation or a start-up error saying what is missing;</li>
 *   <li>{@code scalar}: the plain Java twins.</li>
 * </ul>
 * Only {@code org.dmftbench.kernels.panama} imports {@code jdk.incubator.vector}; it is reached
 * reflectively here so that this class loads on a JVM without the incubator module.
 */
public final class Kernels {

  /** System property that forces a provider: {@code auto}, {@code panama} or {@code scalar}. */
  public static final String PROPERTY = "dmftbench.simd";

  private static final String PANAMA_FACTORY = "org.dmftbench.kernels.panama.PanamaKernels";

  private static final DenseKernels DENSE;
  private static final ComplexKernels COMPLEX;
  private static final String REASON;

  static {
    String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    DenseKernels dense = null;
    ComplexKernels complex = null;
    String reason;
    switch (wanted) {
      case "scalar" -> reason = "scalar forced by -D" + PROPERTY + "=scalar";
      case "auto", "panama" -> {
        String failure = null;
        try {
          Class<?> factory = Class.forName(PANAMA_FACTORY);
          String unusable = (String) factory.getMethod("unusableReason").invoke(null);
          if (unusable != null) {
            failure = unusable;
          } else {
            dense = (DenseKernels) factory.getMethod("dense").invoke(null);
            complex = (ComplexKernels) factory.getMethod("complex").invoke(null);
          }
        } catch (ReflectiveOperationException | LinkageError e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          failure = cause instanceof NoClassDefFoundError || cause instanceof ClassNotFoundException
              ? "the jdk.incubator.vector module is not loaded (run java with --add-modules jdk.incubator.vector)"
              : "the Vector API implementation failed to start: " + cause;
        }
        if (failure == null) {
          reason = "Vector API chosen (" + wanted + ")";
        } else if (wanted.equals("panama")) {
          throw new IllegalStateException("-D" + PROPERTY + "=panama but " + failure);
        } else {
          reason = "scalar fallback: " + failure;
          System.err.println("dmftbench: using scalar kernels: " + failure);
        }
      }
      default -> throw new IllegalStateException(
          "-D" + PROPERTY + "=" + wanted + " is not one of auto, panama, scalar");
    }
    if (dense == null) {
      dense = new ScalarDenseKernels();
      complex = new ScalarComplexKernels();
    }
    DENSE = dense;
    COMPLEX = complex;
    REASON = reason;
  }

  private Kernels() {
  }

  /** The dense kernels chosen at start-up. */
  public static DenseKernels dense() {
    return DENSE;
  }

  /** The complex kernels chosen at start-up. */
  public static ComplexKernels complex() {
    return COMPLEX;
  }

  /** The plain Java twins, whatever was chosen (for tests and benchmarks). */
  public static DenseKernels scalarDense() {
    return DENSE instanceof ScalarDenseKernels ? DENSE : new ScalarDenseKernels();
  }

  /** The plain Java complex twins, whatever was chosen. */
  public static ComplexKernels scalarComplex() {
    return COMPLEX instanceof ScalarComplexKernels ? COMPLEX : new ScalarComplexKernels();
  }

  /** True when the Vector API implementation was chosen. */
  public static boolean isVectorized() {
    return !(DENSE instanceof ScalarDenseKernels);
  }

  /** One line saying which provider runs and why. */
  public static String describe() {
    return DENSE.name() + " — " + REASON;
  }
}
