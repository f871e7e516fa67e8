package org.dmftbench.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/** Plain Java twin of the complex kernels (one accumulator per sum, natural order). */
public final class ScalarComplexKernels implements ComplexKernels {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void newtonSums(int n, MemorySegment lam, long off, double kRe, double kIm, double[] out) {
    double dfRe = 0, dfIm = 0, d2Re = 0, d2Im = 0;
    for (int k = 0; k < n; k++) {
      double l = lam.getAtIndex(JAVA_DOUBLE, off + k);
      double a = kRe + l;
      double inv = 1.0 / (a * a + kIm * kIm);
      double qRe = l * a * inv;       // λ r, r = (a − i kIm)/|κ+λ|²
      double qIm = -l * kIm * inv;
      dfRe += qRe;
      dfIm += qIm;
      d2Re += qRe * qRe - qIm * qIm;
      d2Im += 2 * qRe * qIm;
    }
    out[0] = dfRe;
    out[1] = dfIm;
    out[2] = d2Re;
    out[3] = d2Im;
  }

  @Override
  public void moments(int n, MemorySegment lam, MemorySegment c, long off, double kRe, double kIm, double[] out) {
    double dfRe = 0, dfIm = 0, d2Re = 0, d2Im = 0, scRe = 0, scIm = 0, sc2Re = 0, sc2Im = 0;
    double s2Re = 0, s2Im = 0, aC = 0, a2 = 0;
    for (int k = 0; k < n; k++) {
      double l = lam.getAtIndex(JAVA_DOUBLE, off + k);
      double ck = c.getAtIndex(JAVA_DOUBLE, off + k);
      double a = kRe + l;
      double inv = 1.0 / (a * a + kIm * kIm);
      double rRe = a * inv;
      double rIm = -kIm * inv;
      double r2Re = rRe * rRe - rIm * rIm;
      double r2Im = 2 * rRe * rIm;
      double absR = Math.sqrt(inv);
      double l2 = l * l;
      dfRe += l * rRe;
      dfIm += l * rIm;
      d2Re += l2 * r2Re;
      d2Im += l2 * r2Im;
      scRe += ck * rRe;
      scIm += ck * rIm;
      sc2Re += ck * r2Re;
      sc2Im += ck * r2Im;
      s2Re += l2 * rRe;
      s2Im += l2 * rIm;
      aC += ck * absR;
      a2 += l2 * absR;
    }
    out[0] = dfRe;
    out[1] = dfIm;
    out[2] = d2Re;
    out[3] = d2Im;
    out[4] = scRe;
    out[5] = scIm;
    out[6] = sc2Re;
    out[7] = sc2Im;
    out[8] = s2Re;
    out[9] = s2Im;
    out[10] = aC;
    out[11] = a2;
  }

  @Override
  public void pairSums(int n, MemorySegment lam, MemorySegment c, long off,
                      double[] aRe, double[] aIm, double[] bRe, double[] bIm, int np, double[] out) {
    for (int p = 0; p < np; p++) {
      double xRe = aRe[p], xIm = aIm[p], yRe = bRe[p], yIm = bIm[p];
      double bsRe = 0, bsIm = 0, dRe = 0, dIm = 0;
      for (int k = 0; k < n; k++) {
        double l = lam.getAtIndex(JAVA_DOUBLE, off + k);
        double ck = c.getAtIndex(JAVA_DOUBLE, off + k);
        double a1 = xRe + l;
        double i1 = 1.0 / (a1 * a1 + xIm * xIm);
        double a2 = yRe + l;
        double i2 = 1.0 / (a2 * a2 + yIm * yIm);
        // r1 r2 = (a1 − i xIm)(a2 − i yIm) i1 i2
        double ii = i1 * i2;
        double pRe = (a1 * a2 - xIm * yIm) * ii;
        double pIm = -(a1 * yIm + xIm * a2) * ii;
        double l2 = l * l;
        bsRe += ck * pRe;
        bsIm += ck * pIm;
        dRe += l2 * pRe;
        dIm += l2 * pIm;
      }
      out[4 * p] += bsRe;
      out[4 * p + 1] += bsIm;
      out[4 * p + 2] += dRe;
      out[4 * p + 3] += dIm;
    }
  }

  @Override
  public void powerMoments(int n, MemorySegment lam, MemorySegment c, long off, double center, double scale,
                           int orders, double[] out) {
    java.util.Arrays.fill(out, 0, 2 * orders, 0.0);
    for (int k = 0; k < n; k++) {
      double l = lam.getAtIndex(JAVA_DOUBLE, off + k);
      double ck = c.getAtIndex(JAVA_DOUBLE, off + k);
      double x = scale / (center + l);
      double l2 = l * l;
      double p = 1;
      for (int j = 0; j < orders; j++) {
        out[j] += ck * p;
        out[orders + j] += l2 * p;
        p *= x;
      }
    }
  }

  @Override
  public void lagConvolution(int nk, double[] x, int xOff, int ldx, int mFrom, int mTo, double[] rho, int nFrom,
                             int nTo, double[] out, int outOff, int ldo) {
    for (int t = nFrom; t < nTo; t++) {
      int o = outOff + (t - nFrom) * ldo;
      for (int k = 0; k < nk; k++) {
        double acc = 0;
        for (int m = mFrom; m < mTo; m++) {
          acc = Math.fma(rho[t - m], x[xOff + m * ldx + k], acc);
        }
        out[o + k] += acc;
      }
    }
  }
}
