package org.dmftbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How scripts/bench.sh merges a profile with the user's JMH flags. */
class JmhPlanTest {

  @TempDir
  Path tmp;

  static final List<String> BENCHMARKS = List.of("org.dmftbench.bench.VectorKernelsBenchmark.dot",
      "org.dmftbench.bench.GemmBenchmark.gemm", "org.dmftbench.bench.GemmBenchmark.gemmEjml",
      "org.dmftbench.bench.DmftBenchmark.solve");

  private List<List<String>> plan(String profile, String... user) throws IOException {
    Path p = tmp.resolve("p.args");
    Files.writeString(p, profile);
    return JmhPlan.plan(JmhPlan.readProfile(p), List.of(user), "/b/accuracy.jsonl", i -> "/b/jmh-part" + (i + 1) + ".json",
        new ArrayList<>(), BENCHMARKS);
  }

  private static String value(List<String> run, String opt) {
    int i = run.indexOf(opt);
    return i < 0 ? null : run.get(i + 1);
  }

  @Test
  void userFlagsReplaceProfileFlagsAndSuiteFlagsAreAlwaysSet() throws IOException {
    List<List<String>> runs = plan("-f 2 -wi 3 -i 5 # comment\n-p n=64\n-p N=32\n", "-f", "1", "-p", "n=128", "-prof", "gc",
        "-rf", "csv");
    assertEquals(1, runs.size());
    List<String> r = runs.get(0);
    assertEquals("1", value(r, "-f"));
    assertEquals("3", value(r, "-wi"));
    assertTrue(r.contains("n=128") && r.contains("N=32") && !r.contains("n=64"), r.toString());
    assertEquals("gc", value(r, "-prof"));
    assertEquals("true", value(r, "-foe"));
    assertEquals("json", value(r, "-rf"), "the bundle needs JSON: the user's -rf is ignored");
    assertEquals("/b/jmh-part1.json", value(r, "-rff"));
    assertEquals(1, r.stream().filter("-f"::equals).count(), "JMH rejects a repeated single-valued option");
  }

  @Test
  void userJvmArgsAppendIsMergedWithTheSuites() throws IOException {
    List<String> r = plan("-f 1\n", "-jvmArgsAppend", "-Dx=1 -Xss4m", "-jvmArgsAppend", "-Dy=2").get(0);
    assertEquals(1, r.stream().filter("-jvmArgsAppend"::equals).count());
    String v = value(r, "-jvmArgsAppend");
    assertTrue(v.contains("-Ddmftbench.accuracy.out=/b/accuracy.jsonl") && v.contains("--add-modules=jdk.incubator.vector")
        && v.contains("-Dx=1 -Xss4m") && v.endsWith("-Dy=2"), v);
    assertEquals(List.of("-Dx=1", "-Xss4m", "-Dy=2"), JmhPlan.forkJvmFlags(r).subList(2, 5));
  }

  @Test
  void sectionsBecomeRunsAndTheRestRunCatchesUnnamedBenchmarks() throws IOException {
    String profile = "-f 2\n[run]\nVectorKernels -p n=1003\n[run] # gemm\nGemm -p n=256 -f 3\n[run]\n[run]\nNoSuchFamily\n";
    List<List<String>> runs = plan(profile);
    assertEquals(3, runs.size(), "a section matching no benchmark is dropped");
    assertEquals("VectorKernels", runs.get(0).get(0));
    assertEquals("3", value(runs.get(1), "-f"));
    assertEquals("2", value(runs.get(0), "-f"));
    String rest = runs.get(2).get(0);
    List<String> inRest = BENCHMARKS.stream().filter(b -> java.util.regex.Pattern.compile(rest).matcher(b).find()).toList();
    assertEquals(List.of("org.dmftbench.bench.DmftBenchmark.solve"), inRest);
    assertEquals("/b/jmh-part3.json", value(runs.get(2), "-rff"));
  }

  @Test
  void aUserRegexReplacesTheSelection() throws IOException {
    List<List<String>> runs = plan("-f 2\n[run]\nVectorKernels -p n=1003\n[run]\nGemm\n", "Dmft.*solve", "-i", "2");
    assertEquals(1, runs.size());
    assertEquals("Dmft.*solve", runs.get(0).get(0));
    assertEquals("2", value(runs.get(0), "-i"));
  }

  @Test
  void badInputIsAClearError() {
    assertThrows(IllegalArgumentException.class, () -> plan("-f 1\n", "NoSuchBenchmark"));
    assertThrows(IllegalArgumentException.class, () -> plan("-f 1\n", "-i"));
    assertThrows(IllegalArgumentException.class, () -> plan("-f 1\n", "-p", "n"));
  }

  @Test
  void everyShippedProfileParses() throws IOException {
    Path dir = Path.of(System.getProperty("user.dir"), "scripts", "profiles");
    for (String name : List.of("quick", "default", "full", "smoke")) {
      List<List<String>> profile = JmhPlan.readProfile(dir.resolve(name + ".args"));
      List<List<String>> runs = JmhPlan.plan(profile, List.of(), "a", i -> "r" + i, new ArrayList<>(), BENCHMARKS);
      assertTrue(!runs.isEmpty(), name);
      for (List<String> r : runs) {
        assertEquals("true", value(r, "-foe"), name);
      }
    }
  }

  @Test
  void flopCountsAndPeerConventions() {
    RowKey gemm = new RowKey("org.dmftbench.bench.GemmBenchmark.gemm", "avgt", java.util.Map.of("n", "100", "impl", "scalar"));
    assertEquals(2e6, Flops.of(gemm).getAsDouble());
    RowKey dot = new RowKey("org.dmftbench.bench.VectorKernelsBenchmark.dot", "avgt", java.util.Map.of("n", "1003"));
    assertEquals(2006, Flops.of(dot).getAsDouble());
    RowKey solve = new RowKey("org.dmftbench.bench.DmftBenchmark.solve", "avgt", java.util.Map.of("N", "64"));
    assertTrue(Flops.of(solve).isEmpty());
    RowKey ejml = new RowKey("org.dmftbench.bench.GemmBenchmark.gemmEjml", "avgt", java.util.Map.of("n", "100"));
    assertEquals("Ejml", Peers.peerOf(ejml));
    assertEquals(Peers.family(gemm), Peers.family(ejml));
    assertTrue(Peers.isScalar(gemm));
    assertEquals(null, Peers.peerOf(gemm));
    RowKey cm = new RowKey("org.dmftbench.bench.EigenBenchmark.eigenCommonsMath", "avgt", java.util.Map.of());
    assertEquals("CommonsMath", Peers.peerOf(cm));
    assertEquals("EigenBenchmark.eigen", Peers.family(cm));
    RowKey peerClass = new RowKey("org.dmftbench.bench.EigenPeersBenchmark.ejmlValues", "avgt", java.util.Map.of("n", "256"));
    RowKey own = new RowKey("org.dmftbench.bench.EigenBenchmark.values", "avgt", java.util.Map.of("n", "256", "threads", "1"));
    assertEquals(Peers.family(own), Peers.family(peerClass));
    assertEquals(Peers.problem(own), Peers.problem(peerClass));
  }

  @Test
  void unitsParse() {
    assertEquals(1e-9 * 5, Unit.parse("ns/op").secondsPerOp(5), 1e-24);
    assertEquals(0.25, Unit.parse("ops/s").secondsPerOp(4), 0);
    assertEquals(1e-3 / 4, Unit.parse("ops/ms").secondsPerOp(4), 1e-18);
    assertTrue(Unit.parse("us/op").timePerOp());
    assertThrows(BadResultException.class, () -> Unit.parse("furlongs"));
  }
}
