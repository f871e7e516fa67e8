package org.dmftbench.bench;

import java.util.concurrent.TimeUnit;
import org.dmftbench.dmft.ContourSolver;
import org.dmftbench.dmft.CurvePoint;
import org.dmftbench.dmft.TimeDomainSolver;
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
 * Time-domain DMFT integration of N = 1000 modes over 4000 steps on [0, 40] (P = 500, γ = 0),
 * SIMD lag convolution against the scalar twin. Checked in setup against the contour method on
 * R_Δ(t) and the bias at t = 2, 10, 20.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@State(Scope.Benchmark)
public class TimeDomainBenchmark {

  @Param({"1000"})
  public int N;

  @Param({"4000"})
  public int steps;

  @Param({"panama", "scalar"})
  public String impl;

  private Spectrum spectrum;
  private TimeDomainSolver solver;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    spectrum = Spectrum.powerLaw(N, 0.5, 0.5, 1, 1, N);
    Problem pr = Problem.gradientFlow(spectrum, N / 2.0);
    ComplexKernels k = impl.equals("scalar") ? Kernels.scalarComplex() : Kernels.complex();
    solver = new TimeDomainSolver(pr, k);
    TimeDomainSolver.Solution sol = integrate();
    ContourSolver cs = new ContourSolver(pr);
    double worst = 0;
    for (double t : new double[] {2, 10, 20}) {
      CurvePoint p = cs.point(t);
      worst = Math.max(worst, Math.abs(sol.at(sol.rDelta(), t) / p.rDelta() - 1));
      worst = Math.max(worst, Math.abs(sol.at(sol.bias(), t) / p.bias() - 1));
    }
    Accuracy.check(params, "max rel diff vs contour method (R_Delta, bias)", worst, 1e-4);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    spectrum.close();
  }

  @Benchmark
  public TimeDomainSolver.Solution integrate() {
    return solver.solve(40, steps);
  }
}
