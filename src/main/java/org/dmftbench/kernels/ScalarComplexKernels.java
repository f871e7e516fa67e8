package org.dmftbench.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Plain Java twin of the complex kernels. */
public final class ScalarComplexKernels implements ComplexKernels {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void dotu(int n, MemorySegment aRe, MemorySegment aIm, long aOff,
                   MemorySegment bRe, MemorySegment bIm, long bOff, double[] out) {
    double re = 0, im = 0;
    for (int k = 0; k < n; k++) {
      double ar = aRe.getAtIndex(JAVA_DOUBLE, aOff + k), ai = aIm.getAtIndex(JAVA_DOUBLE, aOff + k);
      double br = bRe.getAtIndex(JAVA_DOUBLE, bOff + k), bi = bIm.getAtIndex(JAVA_DOUBLE, bOff + k);
      re = Math.fma(ar, br, Math.fma(-ai, bi, re));
      im = Math.fma(ar, bi, Math.fma(ai, br, im));
    }
    out[0] = re;
    out[1] = im;
  }

  @Override
  public void weightedBilinear(int ma, int mb, int n, MemorySegment w, long wOff,
                               MemorySegment aRe, MemorySegment aIm, long aOff, int lda,
                               MemorySegment bRe, MemorySegment bIm, long bOff, int ldb,
                               double[] outRe, double[] outIm, int ldo) {
    for (int j = 0; j < ma; j++) {
      long aj = aOff + (long) j * lda;
      for (int l = 0; l < mb; l++) {
        long bl = bOff + (long) l * ldb;
        double re = 0, im = 0;
        for (int k = 0; k < n; k++) {
          double wk = w.getAtIndex(JAVA_DOUBLE, wOff + k);
          double ar = wk * aRe.getAtIndex(JAVA_DOUBLE, aj + k), ai = wk * aIm.getAtIndex(JAVA_DOUBLE, aj + k);
          double br = bRe.getAtIndex(JAVA_DOUBLE, bl + k), bi = bIm.getAtIndex(JAVA_DOUBLE, bl + k);
          re = Math.fma(ar, br, Math.fma(-ai, bi, re));
          im = Math.fma(ar, bi, Math.fma(ai, br, im));
        }
        outRe[j * ldo + l] += re;
        outIm[j * ldo + l] += im;
      }
    }
  }
}
