package org.dmftbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmftbench.kernels.Kernels;

/**
 * Where a result came from: commit and dirty flag, date, host CPU model and core count, the kernel
 * provider and vector width this JVM chooses, the JDK's vendor and version, the JVM flags, the OS,
 * and whatever the caller adds (profile, JMH arguments). Measured inside the JVM that runs the
 * benchmarks, with the same flags as the forks, so the provider recorded is the one measured.
 *
 * <p>{@code java -cp benchmarks.jar org.dmftbench.report.Provenance OUT.json [key=value ...]}
 * writes it (extra {@code key=value} pairs are stored as strings; {@code -} as OUT prints it).
 */
public final class Provenance {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Provenance() {
  }

  /** The provenance of this JVM and of the git checkout in the working directory. */
  public static ObjectNode collect() {
    ObjectNode o = JSON.createObjectNode();
    o.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String commit = git("rev-parse", "HEAD");
    o.put("commit", commit == null ? "unknown" : commit);
    String status = git("status", "--porcelain", "--untracked-files=no");
    if (status == null) {
      o.putNull("dirty");
    } else {
      o.put("dirty", !status.isBlank());
    }
    o.put("host", hostName());
    o.put("cpuModel", cpuModel());
    o.put("cores", Runtime.getRuntime().availableProcessors());
    o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    o.put("jdkVendor", System.getProperty("java.vm.vendor"));
    o.put("jdkVersion", System.getProperty("java.runtime.version"));
    o.put("jdkFeature", Runtime.version().feature());
    o.put("javaHome", System.getProperty("java.home"));
    o.put("vmName", System.getProperty("java.vm.name"));
    var flags = o.putArray("jvmFlags");
    ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(flags::add);
    o.put("kernelProvider", Kernels.describe());
    o.put("vectorized", Kernels.isVectorized());
    int bits = preferredVectorBits();
    if (bits > 0) {
      o.put("vectorBits", bits);
      o.put("vectorSpecies", "Species[double, " + bits / 64 + ", S_" + bits + "_BIT]");
    } else {
      o.putNull("vectorBits");
      o.put("vectorSpecies", "unavailable (jdk.incubator.vector not loaded)");
    }
    return o;
  }

  /** Bits of the preferred double species, or 0 when the Vector API is not loaded (reached reflectively). */
  static int preferredVectorBits() {
    try {
      Class<?> f = Class.forName("org.dmftbench.kernels.panama.PanamaKernels");
      return (Integer) f.getMethod("vectorBits").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return 0;
    }
  }

  private static String cpuModel() {
    Path p = Path.of("/proc/cpuinfo");
    try {
      if (Files.isReadable(p)) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return System.getProperty("os.arch") + " (model unknown)";
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Output of a git command in the working directory, trimmed, or null when git fails. */
  static String git(String... args) {
    try {
      List<String> cmd = new java.util.ArrayList<>(List.of("git"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out.trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Reads a bundle's provenance.json, or an empty object when it has none. */
  public static ObjectNode read(Path bundle) {
    Path f = Files.isDirectory(bundle) ? bundle.resolve("provenance.json") : bundle.resolveSibling("provenance.json");
    if (!Files.isRegularFile(f)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(f.toFile());
      if (n instanceof ObjectNode o) {
        return o;
      }
      throw new BadResultException(f + ": not a JSON object");
    } catch (IOException e) {
      throw new BadResultException(f + ": not valid JSON (truncated or corrupted)");
    }
  }

  /** Writes {@code o} as indented JSON. */
  public static void write(ObjectNode o, Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
  }

  /** {@code Provenance OUT.json|- [key=value ...]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Provenance OUT.json|- [key=value ...]");
      System.exit(2);
    }
    ObjectNode o = collect();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        System.err.println("dmftbench: provenance field \"" + args[i] + "\" is not key=value");
        System.exit(2);
      }
      o.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    if (args[0].equals("-")) {
      System.out.println(JSON.writeValueAsString(o));
    } else {
      write(o, Path.of(args[0]));
    }
  }
}
