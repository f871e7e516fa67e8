package org.dmftbench.kernels.panama;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.VectorSpecies;
import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.kernels.ScalarComplexKernels;

/** Vector API complex kernels. (Work in progress: delegates to the scalar twin.) */
final class PanamaComplexKernels implements ComplexKernels {

  private final VectorSpecies<Double> species;
  private final ScalarComplexKernels scalar = new ScalarComplexKernels();

  PanamaComplexKernels(VectorSpecies<Double> species) {
    this.species = species;
  }

  @Override
  public String name() {
    return "panama(" + species.vectorBitSize() + "-bit)";
  }

  @Override
  public void dotu(int n, MemorySegment aRe, MemorySegment aIm, long aOff, MemorySegment bRe, MemorySegment bIm,
                   long bOff, double[] out) {
    scalar.dotu(n, aRe, aIm, aOff, bRe, bIm, bOff, out);
  }

  @Override
  public void weightedBilinear(int ma, int mb, int n, MemorySegment w, long wOff, MemorySegment aRe, MemorySegment aIm,
                               long aOff, int lda, MemorySegment bRe, MemorySegment bIm, long bOff, int ldb,
                               double[] outRe, double[] outIm, int ldo) {
    scalar.weightedBilinear(ma, mb, n, w, wOff, aRe, aIm, aOff, lda, bRe, bIm, bOff, ldb, outRe, outIm, ldo);
  }
}
