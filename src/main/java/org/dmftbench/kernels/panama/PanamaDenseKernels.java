package org.dmftbench.kernels.panama;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.ScalarDenseKernels;

/** Vector API dense kernels. (Work in progress: operations not yet vectorized use the scalar twin.) */
final class PanamaDenseKernels implements DenseKernels {

  private final VectorSpecies<Double> species;
  private final ScalarDenseKernels scalar = new ScalarDenseKernels();

  PanamaDenseKernels(VectorSpecies<Double> species) {
    this.species = species;
  }

  @Override
  public String name() {
    return "panama(" + species.vectorBitSize() + "-bit)";
  }

  @Override
  public double dot(int n, MemorySegment x, long xOff, MemorySegment y, long yOff) {
    DoubleVector acc = DoubleVector.zero(species);
    int step = species.length();
    int i = 0;
    for (; i <= n - step; i += step) {
      DoubleVector a = DoubleVector.fromMemorySegment(species, x, (xOff + i) * 8, ByteOrder.nativeOrder());
      DoubleVector b = DoubleVector.fromMemorySegment(species, y, (yOff + i) * 8, ByteOrder.nativeOrder());
      acc = a.fma(b, acc);
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    return s + scalar.dot(n - i, x, xOff + i, y, yOff + i);
  }

  @Override
  public void axpy(int n, double a, MemorySegment x, long xOff, MemorySegment y, long yOff) {
    scalar.axpy(n, a, x, xOff, y, yOff);
  }

  @Override
  public void scal(int n, double a, MemorySegment x, long xOff) {
    scalar.scal(n, a, x, xOff);
  }

  @Override
  public double nrm2(int n, MemorySegment x, long xOff) {
    return scalar.nrm2(n, x, xOff);
  }

  @Override
  public void gemvN(int m, int n, double alpha, MemorySegment a, long aOff, int lda, MemorySegment x, long xOff,
                    double beta, MemorySegment y, long yOff) {
    scalar.gemvN(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
  }

  @Override
  public void gemvT(int m, int n, double alpha, MemorySegment a, long aOff, int lda, MemorySegment x, long xOff,
                    double beta, MemorySegment y, long yOff) {
    scalar.gemvT(m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
  }

  @Override
  public void symvLower(int n, double alpha, MemorySegment a, long aOff, int lda, MemorySegment x, long xOff,
                        double beta, MemorySegment y, long yOff) {
    scalar.symvLower(n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
  }

  @Override
  public void syr2Lower(int n, double alpha, MemorySegment x, long xOff, MemorySegment y, long yOff,
                        MemorySegment a, long aOff, int lda) {
    scalar.syr2Lower(n, alpha, x, xOff, y, yOff, a, aOff, lda);
  }

  @Override
  public void syr2kLower(int n, int k, double alpha, MemorySegment a, long aOff, int lda, MemorySegment b, long bOff,
                         int ldb, double beta, MemorySegment c, long cOff, int ldc) {
    scalar.syr2kLower(n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, MemorySegment a, long aOff,
                   int lda, MemorySegment b, long bOff, int ldb, double beta, MemorySegment c, long cOff, int ldc) {
    scalar.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }
}
