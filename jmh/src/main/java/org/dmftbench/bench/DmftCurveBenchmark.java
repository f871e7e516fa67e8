package org.dmftbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmftbench.dmft.ContourSolver;
import org.dmftbench.dmft.CurvePoint;
import org.dmftbench.dmft.PopulationLimit;
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
 * One full 64-point learning curve over t ∈ [1e-2, 1e6] by the contour method (both cores: windows
 * run in parallel), α = β = 0.5, P = N/2, γ = 1e-3, σ² = 0.1. Checked in setup: the same code path
 * at P = 1e15 against the P → ∞ closed form, and the benchmarked curve's own error estimates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
@State(Scope.Benchmark)
public class DmftCurveBenchmark {

  @Param({"1000", "10000", "100000", "1000000"})
  public int N;

  private Spectrum spectrum;
  private ContourSolver solver;
  private double[] times;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    spectrum = Spectrum.powerLaw(N, 0.5, 0.5, 1, 1, N);
    times = new double[64];
    for (int i = 0; i < 64; i++) {
      times[i] = 1e-2 * Math.pow(1e8, i / 63.0);
    }
    Problem pop = new Problem(spectrum, 1e15, 1e-3, 0, 0, 0);
    List<CurvePoint> ref = new ContourSolver(pop).curve(times);
    double worst = 0;
    for (CurvePoint p : ref) {
      worst = Math.max(worst, Math.abs(p.eg() / PopulationLimit.eg(pop, p.t()) - 1));
    }
    Accuracy.check(params, "max rel error vs P->inf closed form (P=1e15)", worst, 1e-6);
    solver = new ContourSolver(new Problem(spectrum, N / 2.0, 1e-3, 0.1, 0, 0));
    double est = 0;
    for (CurvePoint p : solver.curve(times)) {
      est = Math.max(est, p.egRelativeError());
    }
    Accuracy.check(params, "max rel error estimate of the curve", est, 1e-6);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    spectrum.close();
  }

  @Benchmark
  public List<CurvePoint> curve64() {
    return solver.curve(times);
  }
}
