package org.dmftbench.bench;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/** Level-1 kernels (dot), SIMD against the scalar twin, on cache-resident and memory-bound sizes. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class VectorKernelsBenchmark {

  @Param({"1003", "4096"})
  public int n;

  @Param({"panama", "scalar"})
  public String impl;

  private Arena arena;
  private DVector x;
  private DVector y;
  private DenseKernels k;

  @Setup(Level.Trial)
  public void setUp() {
    arena = Arena.ofConfined();
    x = DVector.allocate(arena, n);
    y = DVector.allocate(arena, n);
    SplittableRandom rnd = new SplittableRandom(42);
    for (int i = 0; i < n; i++) {
      x.set(i, rnd.nextDouble(-1, 1));
      y.set(i, rnd.nextDouble(-1, 1));
    }
    k = impl.equals("scalar") ? Kernels.scalarDense() : Kernels.dense();
    double ref = Kernels.scalarDense().dot(n, x.segment(), 0, y.segment(), 0);
    double got = k.dot(n, x.segment(), 0, y.segment(), 0);
    if (Math.abs(got - ref) > 4 * n * 0x1p-53 * n) {
      throw new IllegalStateException("dot mismatch " + got + " vs " + ref);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    arena.close();
  }

  @Benchmark
  public double dot() {
    return k.dot(n, x.segment(), x.offset(), y.segment(), y.offset());
  }
}
