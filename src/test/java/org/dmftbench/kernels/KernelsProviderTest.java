package org.dmftbench.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which provider really runs. The build runs tests with {@code --add-modules jdk.incubator.vector}
 * (Surefire's argLine), so the default choice must be the Vector API; the property
 * {@code -Ddmftbench.simd} is checked in small child JVMs, since the choice is made once per JVM.
 */
final class KernelsProviderTest {

  @Test
  void theBuildRunsTheVectorApiKernels() {
    String wanted = System.getProperty(Kernels.PROPERTY, "auto");
    if (wanted.equals("scalar")) {
      assertEquals("scalar", Kernels.dense().name());
      return;
    }
    assertTrue(Kernels.isVectorized(), "expected the Vector API kernels, got " + Kernels.describe());
    assertTrue(Kernels.dense().name().startsWith("panama("), Kernels.dense().name());
    assertTrue(Kernels.describe().contains("Vector API chosen"), Kernels.describe());
    assertTrue(Kernels.scalarDense() instanceof ScalarDenseKernels);
  }

  private record Run(int exit, String out) {
  }

  private static Run probe(String... jvmArgs) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ProviderProbe.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
    return new Run(p.exitValue(), out);
  }

  @Test
  void propertyForcesScalar() throws Exception {
    Run r = probe("--add-modules=jdk.incubator.vector", "-D" + Kernels.PROPERTY + "=scalar");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("scalar|false|scalar — scalar forced by -Ddmftbench.simd=scalar"), r.out());
  }

  @Test
  void autoFallsBackToScalarWithOneLineWhenTheModuleIsMissing() throws Exception {
    Run r = probe();
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("dmftbench: using scalar kernels: the jdk.incubator.vector module is not loaded"),
        r.out());
    assertTrue(r.out().contains("scalar|false|"), r.out());
  }

  @Test
  void panamaForcedWithoutTheModuleFailsClearly() throws Exception {
    Run r = probe("-D" + Kernels.PROPERTY + "=panama");
    assertNotEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("-Ddmftbench.simd=panama but the jdk.incubator.vector module is not loaded"), r.out());
  }

  @Test
  void unknownValueIsRejected() throws Exception {
    Run r = probe("--add-modules=jdk.incubator.vector", "-D" + Kernels.PROPERTY + "=avx9");
    assertNotEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("-Ddmftbench.simd=avx9 is not one of auto, panama, scalar"), r.out());
  }
}
