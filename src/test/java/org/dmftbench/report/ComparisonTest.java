package org.dmftbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts of {@link Comparison} on fixtures with known injected changes (make-fixtures.py). */
class ComparisonTest {

  private static Comparison compare(String a, String b) {
    return Comparison.of(JmhResults.read(Fixtures.path("compare/" + a)), JmhResults.read(Fixtures.path("compare/" + b)),
        AccuracyRecords.read(Fixtures.path("compare/" + a)), AccuracyRecords.read(Fixtures.path("compare/" + b)),
        Comparison.Settings.defaults());
  }

  private static Comparison.Row row(Comparison c, String shortName, Map<String, String> params) {
    return c.rows().stream().filter(r -> r.key().shortName().equals(shortName) && r.key().params().equals(params))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + shortName + " " + params));
  }

  @Test
  void injectedThirtyPercentIsSlowerWithIntervalAroundIt() {
    Comparison.Row r = row(compare("a", "b"), "GemmBenchmark.gemm", Map.of("impl", "panama", "n", "256"));
    assertEquals(Verdict.SLOWER, r.verdict());
    // Injected ×1.30 with 1.5 % fork and 1 % iteration noise: the interval must hold 1.30 up to that noise.
    assertTrue(r.lo() > 1.2 && r.hi() < 1.4 && r.lo() < r.ratio() && r.ratio() < r.hi(), r.toString());
  }

  @Test
  void noiseOnlyRowsAreUnchanged() {
    Comparison c = compare("a", "b");
    for (var p : List.of(Map.of("impl", "scalar", "n", "256"), Map.of("impl", "panama", "n", "64"),
        Map.of("impl", "scalar", "n", "64"))) {
      assertEquals(Verdict.UNCHANGED, row(c, "GemmBenchmark.gemm", p).verdict(), p.toString());
    }
  }

  @Test
  void unitsAreConvertedAndThroughputIsInverted() {
    Comparison c = compare("a", "b");
    // Same speed written as 0.12 us/op instead of 120 ns/op.
    Comparison.Row dot = row(c, "VectorKernelsBenchmark.dot", Map.of("impl", "panama", "n", "1003"));
    assertEquals(1.0, dot.ratio(), 0.05);
    assertEquals(Verdict.UNCHANGED, dot.verdict());
    // Throughput down 30 %: time ratio 1/0.7, slower; throughput up 30 %: faster.
    Comparison.Row solve = row(c, "DmftBenchmark.solve", Map.of("N", "128"));
    assertEquals(Verdict.SLOWER, solve.verdict());
    assertEquals(1 / 0.7, solve.ratio(), 0.05);
    Comparison.Row step = row(c, "DmftBenchmark.step", Map.of("N", "128"));
    assertEquals(Verdict.FASTER, step.verdict());
    assertEquals(1 / 1.3, step.ratio(), 0.03);
  }

  @Test
  void singleMeasurementWithNanErrorIsInconclusive() {
    Comparison.Row r = row(compare("a", "b"), "ExperimentBenchmark.draw", Map.of("P", "1000"));
    assertEquals(Verdict.INCONCLUSIVE, r.verdict());
    assertTrue(Double.isNaN(r.lo()) && Double.isNaN(r.hi()));
    assertTrue(Double.isNaN(JmhResults.read(Fixtures.path("compare/a")).get(r.key()).error()));
  }

  @Test
  void rowsInOnlyOneRunAreListed() {
    Comparison c = compare("a", "b");
    assertEquals(List.of("EigenBenchmark.eigen"), c.onlyA().stream().map(RowKey::shortName).toList());
    assertEquals(List.of("EigenBenchmark.eigenEjml"), c.onlyB().stream().map(RowKey::shortName).toList());
    assertTrue(c.hasRegression());
  }

  @Test
  void aaRunReportsNeitherSlowerNorFaster() {
    Comparison c = compare("a", "noise");
    assertEquals(0, c.count(Verdict.SLOWER));
    assertEquals(0, c.count(Verdict.FASTER));
    assertFalse(c.hasRegression());
    double[] g = c.geomeanInterval();
    assertTrue(g[0] <= 1 && 1 <= g[1], "geometric mean interval of an A/A run holds 1: " + g[0] + ", " + g[1]);
  }

  @Test
  void worseAccuracyIsARegressionWhateverTheTiming() {
    Comparison c = compare("a", "acc");
    assertEquals(0, c.count(Verdict.SLOWER));
    assertTrue(c.hasRegression());
    List<Comparison.AccuracyRow> bad = c.accuracy().stream().filter(Comparison.AccuracyRow::regression).toList();
    assertEquals(1, bad.size());
    assertEquals("relativeError", bad.get(0).metric());
    assertEquals(5e-14, bad.get(0).b());
  }

  @Test
  void sameSeedSameOutput() {
    assertEquals(compare("a", "b").toJson(), compare("a", "b").toJson());
  }

  @Test
  void dualGate() {
    assertEquals(Verdict.SLOWER, Verdict.of(1.10, 1.05, 1.15, 0.05));
    assertEquals(Verdict.UNCHANGED, Verdict.of(1.02, 1.01, 1.03, 0.05), "real but below the threshold");
    assertEquals(Verdict.UNCHANGED, Verdict.of(1.00, 0.97, 1.03, 0.05), "within ±threshold");
    assertEquals(Verdict.INCONCLUSIVE, Verdict.of(1.10, 0.90, 1.30, 0.05), "interval holds 1 and reaches 30 %");
    assertEquals(Verdict.FASTER, Verdict.of(0.80, 0.75, 0.85, 0.05));
    assertEquals(Verdict.INCONCLUSIVE, Verdict.of(0.9, Double.NaN, Double.NaN, 0.05));
  }

  @Test
  void normalQuantileMatchesTables() {
    assertEquals(1.959964, Comparison.normalQuantile(0.975), 1e-6);
    assertEquals(3.290527, Comparison.normalQuantile(0.9995), 1e-6);
    assertEquals(-2.326348, Comparison.normalQuantile(0.01), 1e-6);
  }
}
