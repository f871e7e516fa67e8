package org.dmftbench.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Complex kernels of the DMFT contour solver over split storage: a complex vector or matrix is
 * two real arrays of doubles, real parts and imaginary parts, with the same layout.
 *
 * <p>Matrices here are row-major over modes: row j (a contour node) holds the N mode values
 * contiguously, entry (j, k) at {@code off + j*ld + k}, so that the reduction over modes k is the
 * unit-stride, vectorized direction.
 *
 * <p>Products are unconjugated (bilinear, not sesquilinear): the DMFT forms B and D₂ of
 * spec §3.2 are Σ_k w_k a_jk a_lk.
 */
public interface ComplexKernels {

  /** Name of the implementation. */
  String name();

  /**
   * Unconjugated complex dot product Σ_k (aRe_k + i aIm_k)(bRe_k + i bIm_k); the real part goes to
   * {@code out[0]}, the imaginary part to {@code out[1]}.
   */
  void dotu(int n, MemorySegment aRe, MemorySegment aIm, long aOff,
            MemorySegment bRe, MemorySegment bIm, long bOff, double[] out);

  /**
   * Weighted bilinear form over modes: for j &lt; ma, l &lt; mb,
   * out(j, l) ← out(j, l) + Σ_{k&lt;n} w_k a(j, k) b(l, k), complex a, b and out, real w.
   * {@code out} is row-major with leading dimension {@code ldo} (entry (j, l) at {@code j*ldo + l}).
   */
  void weightedBilinear(int ma, int mb, int n, MemorySegment w, long wOff,
                        MemorySegment aRe, MemorySegment aIm, long aOff, int lda,
                        MemorySegment bRe, MemorySegment bIm, long bOff, int ldb,
                        double[] outRe, double[] outIm, int ldo);
}
