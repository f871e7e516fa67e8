package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.dmftbench.Tolerances;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DVector;
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
 * Level-1 kernels, SIMD against the scalar twin: dot (2n flops), axpy (2n flops, y updated in
 * place), the secular-equation sums of divide and conquer (one division and two FMA per term,
 * heap arrays) and its quotients (one division, one store and one FMA per term: an eigenvector column
 * of a merge) on L1/L2-resident sizes (1003, 4096: not multiples of the vector width, or a power of two)
 * and a memory-bound one (1000003). Score in ns/op; GFLOP/s = 2n / score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class VectorKernelsBenchmark {

  @Param({"1003", "4096", "1000003"})
  public int n;

  @Param({"panama", "scalar"})
  public String impl;

  private Arena arena;
  private DVector x;
  private DVector y;
  private DenseKernels k;
  /** Tiny, so that repeated in-place axpy keeps y bounded over any run length. */
  private double a = 1e-12;
  private double[] zs;
  private double[] diff;
  private final double[] sums = new double[2];
  private double[] quotients;
  private static final double SHIFT = 0.25;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    arena = Arena.ofShared();
    x = KernelData.randomVector(arena, n, 1);
    y = KernelData.randomVector(arena, n, 2);
    k = KernelData.kernels(impl);
    DenseKernels twin = Kernels.scalarDense();
    double[] xs = x.toArray();
    double[] ys = y.toArray();
    double abs = 0;
    for (int i = 0; i < n; i++) {
      abs += Math.abs(xs[i] * ys[i]);
    }
    double ref = twin.dot(n, x.segment(), 0, y.segment(), 0);
    double got = k.dot(n, x.segment(), 0, y.segment(), 0);
    Accuracy.check(params, "|dot - dot_scalar| / (n u sum|x y|)",
        Math.abs(got - ref) / (n * Tolerances.U * abs), Tolerances.REDUCTION_C);
    // axpy must be bit-identical to the twin: count differing entries after one update of copies
    try (Arena tmp = Arena.ofConfined()) {
      DVector y1 = DVector.of(tmp, ys);
      DVector y2 = DVector.of(tmp, ys);
      twin.axpy(n, 0.3, x.segment(), 0, y1.segment(), 0);
      k.axpy(n, 0.3, x.segment(), 0, y2.segment(), 0);
      double[] r1 = y1.toArray();
      double[] r2 = y2.toArray();
      int differ = 0;
      for (int i = 0; i < n; i++) {
        differ += Double.doubleToRawLongBits(r1[i]) == Double.doubleToRawLongBits(r2[i]) ? 0 : 1;
      }
      Accuracy.check(params, "axpy entries differing from the scalar twin", differ, 0);
    }
    // secular sums: poles on both sides of the shift, as in the secular equation
    zs = x.toArray();
    diff = new double[n];
    for (int i = 0; i < n; i++) {
      diff[i] = (i - 0.5 * n) / n + 0.1 / n;
    }
    double[] want = new double[2];
    twin.secularSums(0, n, zs, diff, SHIFT, want);
    k.secularSums(0, n, zs, diff, SHIFT, sums);
    double absF = 0;
    double absD = 0;
    for (int i = 0; i < n; i++) {
      double q = zs[i] / (diff[i] - SHIFT);
      absF += Math.abs(zs[i] * q);
      absD += q * q;
    }
    Accuracy.check(params, "|secular sums - scalar twin| / (n u sum|terms|)",
        Math.max(Math.abs(sums[0] - want[0]) / absF, Math.abs(sums[1] - want[1]) / absD) / (n * Tolerances.U),
        Tolerances.REDUCTION_C);
    quotients = new double[n];
    double[] wantQ = new double[n];
    double wantNorm = twin.secularQuotients(0, n, zs, diff, SHIFT, wantQ);
    double norm = k.secularQuotients(0, n, zs, diff, SHIFT, quotients);
    long differQ = 0;
    for (int i = 0; i < n; i++) {
      differQ += Double.doubleToRawLongBits(quotients[i]) != Double.doubleToRawLongBits(wantQ[i]) ? 1 : 0;
    }
    Accuracy.check(params, "secular quotients differing from the scalar twin", differQ, 0);
    Accuracy.check(params, "|secular quotients' squared norm - scalar twin| / (n u sum|terms|)",
        Math.abs(norm - wantNorm) / absD / (n * Tolerances.U), Tolerances.REDUCTION_C);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public double dot() {
    return k.dot(n, x.segment(), x.offset(), y.segment(), y.offset());
  }

  @Benchmark
  public double[] secularSums() {
    k.secularSums(0, n, zs, diff, SHIFT, sums);
    return sums;
  }

  @Benchmark
  public double secularQuotients() {
    return k.secularQuotients(0, n, zs, diff, SHIFT, quotients);
  }

  @Benchmark
  public DVector axpy() {
    k.axpy(n, a, x.segment(), x.offset(), y.segment(), y.offset());
    return y;
  }
}
