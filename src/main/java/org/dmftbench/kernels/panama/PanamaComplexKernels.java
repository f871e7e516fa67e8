package org.dmftbench.kernels.panama;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.kernels.ScalarComplexKernels;

/**
 * Vector API complex kernels: the same sums as {@link ScalarComplexKernels}, one vector of modes
 * per step (one division per mode and node, the resolvent formed in registers), lane-wise
 * accumulators reduced at the end, the remainder handled by the scalar twin.
 */
final class PanamaComplexKernels implements ComplexKernels {

  private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

  /** A static final species: C2 intrinsifies the vector operations only for a constant species. */
  private static final VectorSpecies<Double> SPECIES = PanamaKernels.SPECIES;

  private final ScalarComplexKernels scalar = new ScalarComplexKernels();

  PanamaComplexKernels(VectorSpecies<Double> species) {
    if (species != SPECIES) {
      throw new IllegalArgumentException("only the preferred species " + SPECIES + " is supported");
    }
  }

  @Override
  public String name() {
    return "panama(" + SPECIES.vectorBitSize() + "-bit)";
  }

  private static DoubleVector load(MemorySegment s, long index) {
    return DoubleVector.fromMemorySegment(SPECIES, s, index * Double.BYTES, NATIVE);
  }

  @Override
  public void newtonSums(int n, MemorySegment lam, long off, double kRe, double kIm, double[] out) {
    int step = SPECIES.length();
    DoubleVector vkRe = DoubleVector.broadcast(SPECIES, kRe);
    double kIm2 = kIm * kIm;
    DoubleVector vkIm2 = DoubleVector.broadcast(SPECIES, kIm2);
    DoubleVector vmkIm = DoubleVector.broadcast(SPECIES, -kIm);
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector dfRe = DoubleVector.zero(SPECIES), dfIm = dfRe, d2Re = dfRe, d2Im = dfRe;
    int k = 0;
    for (; k <= n - step; k += step) {
      DoubleVector l = load(lam, off + k);
      DoubleVector a = vkRe.add(l);
      DoubleVector inv = one.div(a.fma(a, vkIm2));
      DoubleVector li = l.mul(inv);
      DoubleVector qRe = a.mul(li);
      DoubleVector qIm = vmkIm.mul(li);
      dfRe = dfRe.add(qRe);
      dfIm = dfIm.add(qIm);
      d2Re = qRe.fma(qRe, d2Re).sub(qIm.mul(qIm));
      d2Im = qRe.add(qRe).fma(qIm, d2Im);
    }
    scalar.newtonSums(n - k, lam, off + k, kRe, kIm, out);
    out[0] += PanamaKernels.sum(dfRe);
    out[1] += PanamaKernels.sum(dfIm);
    out[2] += PanamaKernels.sum(d2Re);
    out[3] += PanamaKernels.sum(d2Im);
  }

  @Override
  public void moments(int n, MemorySegment lam, MemorySegment c, long off, double kRe, double kIm, double[] out) {
    int step = SPECIES.length();
    DoubleVector vkRe = DoubleVector.broadcast(SPECIES, kRe);
    DoubleVector vkIm2 = DoubleVector.broadcast(SPECIES, kIm * kIm);
    DoubleVector vmkIm = DoubleVector.broadcast(SPECIES, -kIm);
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector z = DoubleVector.zero(SPECIES);
    DoubleVector dfRe = z, dfIm = z, d2Re = z, d2Im = z, scRe = z, scIm = z, sc2Re = z, sc2Im = z;
    DoubleVector s2Re = z, s2Im = z, aC = z, a2 = z;
    int k = 0;
    for (; k <= n - step; k += step) {
      DoubleVector l = load(lam, off + k);
      DoubleVector ck = load(c, off + k);
      DoubleVector a = vkRe.add(l);
      DoubleVector inv = one.div(a.fma(a, vkIm2));
      DoubleVector rRe = a.mul(inv);
      DoubleVector rIm = vmkIm.mul(inv);
      DoubleVector r2Re = rRe.mul(rRe).sub(rIm.mul(rIm));
      DoubleVector r2Im = rRe.add(rRe).mul(rIm);
      DoubleVector absR = inv.sqrt();
      DoubleVector l2 = l.mul(l);
      dfRe = l.fma(rRe, dfRe);
      dfIm = l.fma(rIm, dfIm);
      d2Re = l2.fma(r2Re, d2Re);
      d2Im = l2.fma(r2Im, d2Im);
      scRe = ck.fma(rRe, scRe);
      scIm = ck.fma(rIm, scIm);
      sc2Re = ck.fma(r2Re, sc2Re);
      sc2Im = ck.fma(r2Im, sc2Im);
      s2Re = l2.fma(rRe, s2Re);
      s2Im = l2.fma(rIm, s2Im);
      aC = ck.fma(absR, aC);
      a2 = l2.fma(absR, a2);
    }
    scalar.moments(n - k, lam, c, off + k, kRe, kIm, out);
    out[0] += PanamaKernels.sum(dfRe);
    out[1] += PanamaKernels.sum(dfIm);
    out[2] += PanamaKernels.sum(d2Re);
    out[3] += PanamaKernels.sum(d2Im);
    out[4] += PanamaKernels.sum(scRe);
    out[5] += PanamaKernels.sum(scIm);
    out[6] += PanamaKernels.sum(sc2Re);
    out[7] += PanamaKernels.sum(sc2Im);
    out[8] += PanamaKernels.sum(s2Re);
    out[9] += PanamaKernels.sum(s2Im);
    out[10] += PanamaKernels.sum(aC);
    out[11] += PanamaKernels.sum(a2);
  }

  @Override
  public void pairSums(int n, MemorySegment lam, MemorySegment c, long off,
                       double[] aRe, double[] aIm, double[] bRe, double[] bIm, int np, double[] out) {
    int step = SPECIES.length();
    int body = n - n % step;
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    for (int p = 0; p < np; p++) {
      DoubleVector xRe = DoubleVector.broadcast(SPECIES, aRe[p]);
      DoubleVector xIm = DoubleVector.broadcast(SPECIES, aIm[p]);
      DoubleVector xIm2 = DoubleVector.broadcast(SPECIES, aIm[p] * aIm[p]);
      DoubleVector yRe = DoubleVector.broadcast(SPECIES, bRe[p]);
      DoubleVector yIm = DoubleVector.broadcast(SPECIES, bIm[p]);
      DoubleVector yIm2 = DoubleVector.broadcast(SPECIES, bIm[p] * bIm[p]);
      DoubleVector xyIm = DoubleVector.broadcast(SPECIES, aIm[p] * bIm[p]);
      DoubleVector bsRe = DoubleVector.zero(SPECIES), bsIm = bsRe, dRe = bsRe, dIm = bsRe;
      for (int k = 0; k < body; k += step) {
        DoubleVector l = load(lam, off + k);
        DoubleVector ck = load(c, off + k);
        DoubleVector a1 = xRe.add(l);
        DoubleVector a2 = yRe.add(l);
        DoubleVector ii = one.div(a1.fma(a1, xIm2).mul(a2.fma(a2, yIm2)));
        DoubleVector pRe = a1.fma(a2, xyIm.neg()).mul(ii);
        DoubleVector pIm = a1.fma(yIm, xIm.mul(a2)).mul(ii).neg();
        DoubleVector l2 = l.mul(l);
        bsRe = ck.fma(pRe, bsRe);
        bsIm = ck.fma(pIm, bsIm);
        dRe = l2.fma(pRe, dRe);
        dIm = l2.fma(pIm, dIm);
      }
      out[4 * p] += PanamaKernels.sum(bsRe);
      out[4 * p + 1] += PanamaKernels.sum(bsIm);
      out[4 * p + 2] += PanamaKernels.sum(dRe);
      out[4 * p + 3] += PanamaKernels.sum(dIm);
    }
    if (body < n) {
      scalar.pairSums(n - body, lam, c, off + body, aRe, aIm, bRe, bIm, np, out);
    }
  }

  @Override
  public void powerMoments(int n, MemorySegment lam, MemorySegment c, long off, double center, double scale,
                           int orders, double[] out) {
    int step = SPECIES.length();
    int body = n - n % step;
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector mu = DoubleVector.broadcast(SPECIES, center);
    DoubleVector sc = DoubleVector.broadcast(SPECIES, scale);
    double[] acc = new double[2 * orders * step];
    for (int k = 0; k < body; k += step) {
      DoubleVector l = load(lam, off + k);
      DoubleVector ck = load(c, off + k);
      DoubleVector x = sc.div(mu.add(l));
      DoubleVector l2 = l.mul(l);
      DoubleVector p = one;
      for (int j = 0; j < orders; j++) {
        int ic = j * step, il = (orders + j) * step;
        ck.fma(p, DoubleVector.fromArray(SPECIES, acc, ic)).intoArray(acc, ic);
        l2.fma(p, DoubleVector.fromArray(SPECIES, acc, il)).intoArray(acc, il);
        p = p.mul(x);
      }
    }
    scalar.powerMoments(n - body, lam, c, off + body, center, scale, orders, out);
    for (int j = 0; j < 2 * orders; j++) {
      out[j] += PanamaKernels.sum(DoubleVector.fromArray(SPECIES, acc, j * step));
    }
  }

  /**
   * Register-blocked: a tile of 4 time steps × 2 vectors of modes stays in 8 accumulators while the
   * history rows stream by, each row's 2 vectors reused by 4 broadcast rho values (8 fused
   * multiply-adds per 6 loads); single steps and the mode remainder take simpler paths.
   */
  @Override
  public void lagConvolution(int nk, double[] x, int xOff, int ldx, int mFrom, int mTo, double[] rho, int nFrom,
                             int nTo, double[] out, int outOff, int ldo) {
    int step = SPECIES.length();
    int strip = 2 * step;
    int body = nk - nk % strip;
    for (int k = 0; k < body; k += strip) {
      int t = nFrom;
      for (; t + 3 < nTo; t += 4) {
        DoubleVector a0 = DoubleVector.zero(SPECIES), a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
        for (int m = mFrom; m < mTo; m++) {
          int xi = xOff + m * ldx + k;
          DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xi);
          DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xi + step);
          DoubleVector r = DoubleVector.broadcast(SPECIES, rho[t - m]);
          a0 = r.fma(x0, a0);
          a1 = r.fma(x1, a1);
          r = DoubleVector.broadcast(SPECIES, rho[t + 1 - m]);
          b0 = r.fma(x0, b0);
          b1 = r.fma(x1, b1);
          r = DoubleVector.broadcast(SPECIES, rho[t + 2 - m]);
          c0 = r.fma(x0, c0);
          c1 = r.fma(x1, c1);
          r = DoubleVector.broadcast(SPECIES, rho[t + 3 - m]);
          d0 = r.fma(x0, d0);
          d1 = r.fma(x1, d1);
        }
        int o = outOff + (t - nFrom) * ldo + k;
        addInto(out, o, step, a0, a1);
        addInto(out, o + ldo, step, b0, b1);
        addInto(out, o + 2 * ldo, step, c0, c1);
        addInto(out, o + 3 * ldo, step, d0, d1);
      }
      for (; t < nTo; t++) {
        DoubleVector a0 = DoubleVector.zero(SPECIES), a1 = a0;
        for (int m = mFrom; m < mTo; m++) {
          int xi = xOff + m * ldx + k;
          DoubleVector r = DoubleVector.broadcast(SPECIES, rho[t - m]);
          a0 = r.fma(DoubleVector.fromArray(SPECIES, x, xi), a0);
          a1 = r.fma(DoubleVector.fromArray(SPECIES, x, xi + step), a1);
        }
        addInto(out, outOff + (t - nFrom) * ldo + k, step, a0, a1);
      }
    }
    if (body < nk) {
      for (int t = nFrom; t < nTo; t++) {
        int o = outOff + (t - nFrom) * ldo;
        for (int k = body; k < nk; k++) {
          double acc = 0;
          for (int m = mFrom; m < mTo; m++) {
            acc = Math.fma(rho[t - m], x[xOff + m * ldx + k], acc);
          }
          out[o + k] += acc;
        }
      }
    }
  }

  private static void addInto(double[] out, int o, int step, DoubleVector v0, DoubleVector v1) {
    DoubleVector.fromArray(SPECIES, out, o).add(v0).intoArray(out, o);
    DoubleVector.fromArray(SPECIES, out, o + step).add(v1).intoArray(out, o + step);
  }
}
