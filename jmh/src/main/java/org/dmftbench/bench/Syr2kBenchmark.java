package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;
import org.dmftbench.Tolerances;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;
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
 * The trailing update of a blocked tridiagonalization, C ← C − (A Bᵀ + B Aᵀ) on the lower triangle
 * (n×n C, n×k A and B; LAPACK dsytrd's dsyr2k call), and the Gram matrix C ← AᵀA/k on the lower
 * triangle (k×n A, dsyrk). Score in ms/op; GFLOP/s: syr2k 2n²k / (score · 10⁶), syrk n²k / (score · 10⁶).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class Syr2kBenchmark {

  @Param({"1024"})
  public int n;

  @Param({"32"})
  public int k;

  @Param({"panama", "scalar"})
  public String impl;

  private Arena arena;
  private DMatrix a;
  private DMatrix b;
  private DMatrix c;
  private DMatrix g;
  private DenseKernels kern;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    arena = Arena.ofShared();
    a = KernelData.randomMatrix(arena, n, k, 5);
    b = KernelData.randomMatrix(arena, n, k, 6);
    c = KernelData.randomMatrix(arena, n, n, 7);
    g = DMatrix.allocate(arena, k, n);
    kern = KernelData.kernels(impl);
    DenseKernels twin = Kernels.scalarDense();
    DMatrix c1 = DMatrix.allocate(arena, n, n);
    DMatrix c2 = DMatrix.allocate(arena, n, n);
    c1.copyFrom(c);
    c2.copyFrom(c);
    twin.syr2kLower(n, k, -1, a.segment(), 0, a.ld(), b.segment(), 0, b.ld(), 1, c1.segment(), 0, c1.ld());
    kern.syr2kLower(n, k, -1, a.segment(), 0, a.ld(), b.segment(), 0, b.ld(), 1, c2.segment(), 0, c2.ld());
    double worst = 0;
    for (int j = 0; j < n; j++) {
      for (int i = j; i < n; i++) {
        double scale = Math.abs(c.get(i, j));
        for (int p = 0; p < k; p++) {
          scale += Math.abs(a.get(i, p) * b.get(j, p)) + Math.abs(b.get(i, p) * a.get(j, p));
        }
        worst = Math.max(worst, Math.abs(c1.get(i, j) - c2.get(i, j)) / ((2 * k + 2) * Tolerances.U * scale));
      }
    }
    Accuracy.check(params, "max |C - C_scalar| / ((2k+2) u scale)", worst, Tolerances.REDUCTION_C);
    // the Gram matrix: G = Aᵀ (k×n) so that AᵀA of the benchmark is the k-term Gram matrix of n columns
    for (int j = 0; j < n; j++) {
      for (int p = 0; p < k; p++) {
        g.set(p, j, a.get(j, p));
      }
    }
    twin.syrkLower(n, k, 1.0 / k, g.segment(), 0, g.ld(), 0, c1.segment(), 0, c1.ld());
    kern.syrkLower(n, k, 1.0 / k, g.segment(), 0, g.ld(), 0, c2.segment(), 0, c2.ld());
    worst = 0;
    for (int j = 0; j < n; j++) {
      for (int i = j; i < n; i++) {
        double scale = 0;
        for (int p = 0; p < k; p++) {
          scale += Math.abs(g.get(p, i) * g.get(p, j)) / k;
        }
        worst = Math.max(worst, Math.abs(c1.get(i, j) - c2.get(i, j)) / ((k + 2) * Tolerances.U * scale));
      }
    }
    Accuracy.check(params, "syrk max |C - C_scalar| / ((k+2) u scale)", worst, Tolerances.REDUCTION_C);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  /** The dsytrd trailing update (β = 1): C drifts by O(k) per call, harmless over a run. */
  @Benchmark
  public DMatrix syr2k() {
    kern.syr2kLower(n, k, -1, a.segment(), a.offset(), a.ld(), b.segment(), b.offset(), b.ld(), 1,
        c.segment(), c.offset(), c.ld());
    return c;
  }

  @Benchmark
  public DMatrix syrk() {
    kern.syrkLower(n, k, 1.0 / k, g.segment(), g.offset(), g.ld(), 0, c.segment(), c.offset(), c.ld());
    return c;
  }
}
