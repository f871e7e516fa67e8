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
 * Square dgemm C ← A·B (β = 0), n×n, one thread: the packed Vector API kernel against the plain
 * scalar twin. Score in ms/op; GFLOP/s = 2n³ / (score · 10⁶). The answer is checked once per trial
 * against the scalar twin, entry-wise, relative to the bound n·u·Σ_p |a_ip b_pj|.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class GemmBenchmark {

  @Param({"64", "255", "512", "1024"})
  public int n;

  @Param({"panama", "scalar"})
  public String impl;

  private Arena arena;
  private DMatrix a;
  private DMatrix b;
  private DMatrix c;
  private DenseKernels k;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    arena = Arena.ofShared();
    a = KernelData.randomMatrix(arena, n, n, 1);
    b = KernelData.randomMatrix(arena, n, n, 2);
    c = DMatrix.allocate(arena, n, n);
    k = KernelData.kernels(impl);
    DMatrix ref = DMatrix.allocate(arena, n, n);
    Kernels.scalarDense().gemm(false, false, n, n, n, 1, a.segment(), 0, a.ld(), b.segment(), 0, b.ld(),
        0, ref.segment(), 0, ref.ld());
    multiply();
    Accuracy.check(params, "max |C - C_scalar| / (n u sum|a b|)",
        KernelData.productErrorRatio(a, b, c, ref), Tolerances.REDUCTION_C);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public DMatrix multiply() {
    k.gemm(false, false, n, n, n, 1, a.segment(), a.offset(), a.ld(), b.segment(), b.offset(), b.ld(),
        0, c.segment(), c.offset(), c.ld());
    return c;
  }
}
