package org.dmftbench.bench;

import java.util.concurrent.TimeUnit;
import org.dmftbench.dmft.KappaSolver;
import org.dmftbench.dmft.ParabolicContour;
import org.dmftbench.kernels.ComplexKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.model.Problem;
import org.dmftbench.model.Spectrum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The hot pieces of one contour (n = 32, 33 solved nodes, P = N/2, γ = 0, t_c = 10), SIMD against
 * the scalar twin: κ by continuation on the contour; the bilinear forms B and D₂ for the 561 node
 * pairs of the upper half by the fused direct sum (O(pairs·N)); the same forms by resolvent moments
 * and divided differences (O(nodes·N), the production path). Checked in setup: every κ residual
 * (recomputed independently) and divided differences against the direct sums.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
@State(Scope.Benchmark)
public class DmftKernelsBenchmark {

  @Param({"1000", "10000", "100000", "1000000"})
  public int N;

  @Param({"panama", "scalar"})
  public String impl;

  private Spectrum spectrum;
  private Problem problem;
  private ComplexKernels kernels;
  private double[] zRe, zIm, kRe, kIm;
  private double[] aRe, aIm, bRe, bIm;
  private int nodes;
  private int pairs;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    spectrum = Spectrum.powerLaw(N, 0.5, 0.5, 1, 1, N);
    problem = Problem.gradientFlow(spectrum, N / 2.0);
    kernels = impl.equals("scalar") ? Kernels.scalarComplex() : Kernels.complex();
    ParabolicContour pc = new ParabolicContour(32, 10);
    nodes = 33;
    zRe = new double[nodes];
    zIm = new double[nodes];
    kRe = new double[nodes];
    kIm = new double[nodes];
    for (int j = 0; j < nodes; j++) {
      zRe[j] = pc.sRe(j);
      zIm[j] = pc.sIm(j);
    }
    kappa();
    KappaSolver check = new KappaSolver(problem, Kernels.scalarComplex());
    double worst = 0;
    for (int j = 0; j < nodes; j++) {
      worst = Math.max(worst, check.relativeResidual(kRe[j], kIm[j], zRe[j], zIm[j]));
    }
    Accuracy.check(params, "max kappa residual |z - kappa(1 - df1/P)|/|z|", worst, 1e-12);
    pairs = nodes * (nodes + 1) / 2;
    aRe = new double[pairs];
    aIm = new double[pairs];
    bRe = new double[pairs];
    bIm = new double[pairs];
    int p = 0;
    for (int a = 0; a < nodes; a++) {
      for (int b = a; b < nodes; b++, p++) {
        aRe[p] = kRe[a];
        aIm[p] = kIm[a];
        bRe[p] = kRe[b];
        bIm[p] = kIm[b];
      }
    }
    double[] direct = direct();
    double[] dd = dividedDifferences();
    double err = 0;
    for (int q = 0; q < pairs; q++) {
      if (aRe[q] == bRe[q] && aIm[q] == bIm[q]) {
        continue;
      }
      double scaleB = Math.hypot(direct[4 * q], direct[4 * q + 1]);
      double scaleD = Math.hypot(direct[4 * q + 2], direct[4 * q + 3]);
      err = Math.max(err, Math.hypot(dd[4 * q] - direct[4 * q], dd[4 * q + 1] - direct[4 * q + 1]) / scaleB);
      err = Math.max(err, Math.hypot(dd[4 * q + 2] - direct[4 * q + 2], dd[4 * q + 3] - direct[4 * q + 3]) / scaleD);
    }
    Accuracy.check(params, "max rel diff divided differences vs direct bilinear sums", err, 1e-8);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    spectrum.close();
  }

  @Benchmark
  public double[] kappa() {
    new KappaSolver(problem, kernels).solveContour(zRe, zIm, nodes, kRe, kIm);
    return kRe;
  }

  /** Fused direct bilinear forms Σ c r_a r_b and Σ λ² r_a r_b for all 561 pairs. */
  @Benchmark
  public double[] direct() {
    double[] out = new double[4 * pairs];
    var lam = spectrum.lambda();
    kernels.pairSums(N, lam.segment(), spectrum.c().segment(), lam.offset(), aRe, aIm, bRe, bIm, pairs, out);
    return out;
  }

  /** The same forms from one moments pass per node and O(1) divided differences per pair. */
  @Benchmark
  public double[] dividedDifferences() {
    var lam = spectrum.lambda();
    double[][] mom = new double[nodes][ComplexKernels.MOMENTS];
    for (int j = 0; j < nodes; j++) {
      kernels.moments(N, lam.segment(), spectrum.c().segment(), lam.offset(), kRe[j], kIm[j], mom[j]);
    }
    double[] out = new double[4 * pairs];
    int p = 0;
    for (int a = 0; a < nodes; a++) {
      for (int b = a; b < nodes; b++, p++) {
        if (a == b) {
          out[4 * p] = mom[a][6];
          out[4 * p + 1] = mom[a][7];
          out[4 * p + 2] = mom[a][2];
          out[4 * p + 3] = mom[a][3];
          continue;
        }
        double dr = kRe[b] - kRe[a], di = kIm[b] - kIm[a], d = dr * dr + di * di;
        double xr = mom[a][4] - mom[b][4], xi = mom[a][5] - mom[b][5];
        out[4 * p] = (xr * dr + xi * di) / d;
        out[4 * p + 1] = (xi * dr - xr * di) / d;
        xr = mom[a][8] - mom[b][8];
        xi = mom[a][9] - mom[b][9];
        out[4 * p + 2] = (xr * dr + xi * di) / d;
        out[4 * p + 3] = (xi * dr - xr * di) / d;
      }
    }
    return out;
  }
}
