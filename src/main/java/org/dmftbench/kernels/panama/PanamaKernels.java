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

  /** Bits per vector of the chosen species, e.g. 256 on AVX2. */
  public static int vectorBits() {
    return SPECIES.vectorBitSize();
  }
}
