package org.dmftbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmftbench.report.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report, compare and matrix commands end to end on the synthetic fixtures: outputs and exit codes. */
class SuiteCommandsTest {

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DmftBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  static String fixture(String rel) {
    return Fixtures.path(rel).toString();
  }

  @Test
  void compareExitCodes() {
    assertEquals(3, run("compare", fixture("compare/a"), fixture("compare/b")).code(), "injected regressions");
    assertEquals(0, run("compare", fixture("compare/a"), fixture("compare/noise")).code(), "A/A noise");
    assertEquals(4, run("compare", "--strict", fixture("compare/a"), fixture("compare/noise")).code(),
        "A/A with an inconclusive single-shot row, --strict");
    assertEquals(3, run("compare", fixture("compare/a"), fixture("compare/acc")).code(), "accuracy regression only");
    assertEquals(0, run("compare", fixture("compare/a"), fixture("compare/a")).code(), "identical runs");
  }

  @Test
  void thresholdDecidesSmallEffects() throws IOException {
    // With a 50 % threshold the +30 % and -30 % changes no longer count; the accuracy is unchanged.
    Run r = run("compare", "--threshold", "50", "--json", fixture("compare/a"), fixture("compare/b"));
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (JsonNode row : j.get("rows")) {
      assertFalse(row.get("verdict").asText().equals("slower"), row.toString());
    }
    assertEquals(0.5, j.get("threshold").asDouble());
  }

  @Test
  void jsonAndMarkdownOutputs() throws IOException {
    Run r = run("compare", "--json", fixture("compare/a"), fixture("compare/b"));
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.get("regression").asBoolean());
    assertEquals(11, j.get("rows").size());
    assertEquals(1, j.get("onlyA").size());
    assertEquals(1, j.get("onlyB").size());
    assertTrue(j.get("geomean").get("lo").asDouble() <= j.get("geomean").get("ratio").asDouble());
    Run md = run("compare", "--markdown", fixture("compare/a"), fixture("compare/b"));
    assertTrue(md.out().contains("| GemmBenchmark.gemm | impl=panama, n=256 | avgt |"), md.out());
    assertTrue(md.out().contains("**slower**"));
    assertTrue(md.out().contains("**only in A:** EigenBenchmark.eigen [n=128] avgt"), md.out());
  }

  @Test
  void confirmationCountsOnlyRowsRegressedTwice() throws IOException {
    Path first = tmp.resolve("first.json");
    assertEquals(3, run("compare", "--json", "--out", first.toString(), fixture("compare/a"), fixture("compare/b")).code());
    // Confirmation run shows the same regressions: confirmed.
    assertEquals(3, run("compare", "--confirm-of", first.toString(), fixture("compare/a"), fixture("compare/b")).code());
    // Confirmation run is clean: not confirmed.
    Run clean = run("compare", "--confirm-of", first.toString(), fixture("compare/a"), fixture("compare/noise"));
    assertEquals(0, clean.code());
    assertTrue(clean.out().contains("not confirmed"));
  }

  @Test
  void noiseFloorSuggestsAThreshold() {
    Run r = run("compare", "--noise", fixture("compare/a"), fixture("compare/noise"));
    assertEquals(0, r.code());
    assertTrue(r.out().contains("suggested --threshold:"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncated.json", "garbage.json", "object.json", "empty.json", "badraw.json"})
  void brokenJmhJsonIsOneClearLineAndExitTwo(String file) throws IOException {
    for (String cmd : new String[] {"compare", "report"}) {
      Run r;
      if (cmd.equals("compare")) {
        r = run("compare", fixture("compare/a"), fixture("broken/" + file));
      } else {
        Path bundle = Files.createDirectories(tmp.resolve(cmd + file));
        Files.copy(Fixtures.path("broken/" + file), bundle.resolve("jmh.json"));
        r = run("report", bundle.toString());
      }
      assertEquals(2, r.code(), cmd + " " + file + ": " + r.err());
      String err = r.err().strip();
      assertEquals(1, err.lines().count(), "one line: " + err);
      assertTrue(err.startsWith("dmftbench: ") && err.contains(file), err);
      assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
  }

  @Test
  void truncatedJsonSaysSo() {
    Run r = run("compare", fixture("compare/a"), fixture("broken/truncated.json"));
    assertTrue(r.err().contains("truncated or corrupted"), r.err());
  }

  @Test
  void missingInputsAndBadOptionsExitTwo() {
    assertEquals(2, run("compare", fixture("compare/a"), tmp.resolve("nope.json").toString()).code());
    assertEquals(2, run("report", tmp.resolve("nope").toString()).code());
    assertEquals(2, run("compare", "--threshold", "five", fixture("compare/a"), fixture("compare/b")).code());
    assertEquals(2, run("compare", fixture("compare/a")).code());
  }

  @Test
  void reportWritesSummaryAndCharts() throws IOException {
    Path bundle = Fixtures.copy("compare/a", tmp);
    Run r = run("report", bundle.toString());
    assertEquals(0, r.code(), r.err());
    String md = Files.readString(bundle.resolve("summary.md"));
    // Provenance, score ± error, GFLOP/s of gemm (2n³ / time), accuracy, ×scalar and ×peer.
    assertTrue(md.contains("| commit | 0123456789 |"), md);
    String gemm = md.lines().filter(l -> l.startsWith("| GemmBenchmark.gemm | impl=panama, n=256 |")).findFirst()
        .orElseThrow();
    String[] c = gemm.split("\\|");
    double time = Double.parseDouble(c[4].trim().split(" ")[0]);
    assertEquals(2 * Math.pow(256, 3) / (time * 1e-6) / 1e9, Double.parseDouble(c[6].trim()), 0.01, gemm);
    assertTrue(c[7].contains("residualRatio 8.00e-01 (≤ 3.00e+01)"), gemm);
    double scalar = Double.parseDouble(md.lines().filter(l -> l.startsWith("| GemmBenchmark.gemm | impl=scalar, n=256 |"))
        .findFirst().orElseThrow().split("\\|")[4].trim().split(" ")[0]);
    assertEquals(scalar / time, Double.parseDouble(c[8].trim()), 0.01, gemm);
    assertTrue(c[9].trim().endsWith("(Ejml)"), gemm);
    assertTrue(md.contains("| GemmBenchmark.gemmEjml | n=256 |"), md);
    for (String f : new String[] {"GemmBenchmark.gemm-time", "GemmBenchmark.gemm-gflops", "VectorKernelsBenchmark.dot-time",
        "DmftBenchmark.solve-time", "EigenBenchmark.eigen-time"}) {
      Path png = bundle.resolve("charts/" + f + ".png");
      Path svg = bundle.resolve("charts/" + f + ".svg");
      assertTrue(Files.size(png) > 5000, png.toString());
      byte[] head = Files.readAllBytes(png);
      assertEquals((byte) 0x89, head[0]);
      assertEquals('P', head[1]);
      String s = Files.readString(svg);
      assertTrue(s.contains("<svg") && s.strip().endsWith("</svg>"), svg.toString());
    }
    assertFalse(Files.exists(bundle.resolve("charts/DmftBenchmark.solve-gflops.png")), "no flop count for solve");
  }

  @Test
  void matrixComparesConfigurationsToTheFirst() throws IOException {
    Path out = tmp.resolve("matrix");
    Run r = run("matrix", "--out", out.toString(), fixture("compare/a"), fixture("compare/noise"), fixture("compare/b"));
    assertEquals(0, r.code(), r.err());
    String md = Files.readString(out.resolve("matrix.md"));
    assertTrue(md.contains("Reference: **reference**"), md);
    assertTrue(md.contains("| **geometric mean** |"), md);
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| GemmBenchmark.gemm | impl=panama, n=256 |") && l.contains("slower")),
        md);
    JsonNode j = new ObjectMapper().readTree(out.resolve("matrix.json").toFile());
    assertEquals(3, j.get("configurations").size());
    assertEquals(2, j.get("comparisons").size());
    assertTrue(Files.size(out.resolve("matrix.png")) > 5000);
    assertTrue(Files.readString(out.resolve("matrix.svg")).contains("<svg"));
    assertEquals(2, run("matrix", "--out", out.toString(), fixture("compare/a")).code(), "one bundle is bad usage");
  }

  @Test
  void provenanceOfThisJvm() throws IOException {
    Run r = run("report", "--provenance");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(Runtime.getRuntime().availableProcessors(), j.get("cores").asInt());
    assertEquals(System.getProperty("java.runtime.version"), j.get("jdkVersion").asText());
    assertTrue(j.get("kernelProvider").asText().contains(org.dmftbench.kernels.Kernels.dense().name()));
    assertTrue(j.has("commit") && j.has("dirty") && j.has("cpuModel") && j.has("vectorBits"), j.toString());
  }
}
