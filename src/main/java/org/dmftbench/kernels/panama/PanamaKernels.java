package org.dmftbench.kernels.panama;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.kernels.DenseKernels;

/**
 * Factory of the Vector API kernels, reached reflectively by {@link org.dmftbench.kernels.Kernels}
 * so that nothing outside this package links against {@code jdk.incubator.vector}.
 */
public final class PanamaKernels {

  /** The species every kernel here uses: the widest the CPU supports for doubles. */
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private PanamaKernels() {
  }

  /** Why the Vector API should not be used on this JVM, or null when it should. */
  public static String unusableReason() {
    if (SPECIES.length() < 2) {
      return "the preferred vector species holds " + SPECIES.length() + " double(s); no SIMD gain";
    }
    return null;
  }

  public static DenseKernels dense() {
    return new PanamaDenseKernels(SPECIES);
  }

  public static ComplexKernels complex() {
    return new PanamaComplexKernels(SPECIES);
  }

  /**
   * The sum of v's lanes in lane order, ((v₀ + v₁) + v₂) + v₃. Used instead of
   * {@code reduceLanes(ADD)}, whose order is unspecified: C2's intrinsic and the interpreter's
   * fallback round differently, so a kernel's result would change by an ulp when it gets compiled,
   * and with it, for nearly equal eigenvalues, which of several valid eigenbases a solve returns.
   * With a fixed order every kernel gives the same bits in every JIT tier.
   */
  static double sum(DoubleVector v) {
    double s = v.lane(0);
    for (int i = 1; i < v.length(); i++) {
      s += v.lane(i);
    }
    return s;
  }

  /** Bits per vector of the chosen species, e.g. 256 on AVX2. */
  public static int vectorBits() {
    return SPECIES.vectorBitSize();
  }
}
