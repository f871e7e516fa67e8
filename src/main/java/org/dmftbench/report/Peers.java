package org.dmftbench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Naming convention that ties a benchmark to its scalar twin and to its peers.
 *
 * <ul>
 *   <li>A <b>peer</b> is a benchmark of another library: its method or class name contains one of
 *       {@link #PEER_TOKENS} ({@code gemmEjml}, {@code eigenCommonsMath}, {@code CommonsMathEigenBenchmark.solve},
 *       {@code dsyevdLapack}). Its peer name is that token.</li>
 *   <li>The <b>family</b> of a row is its class and method with the peer tokens and a trailing
 *       {@code Scalar}/{@code Panama} removed ({@code GemmBenchmark.gemmEjml} and
 *       {@code GemmBenchmark.gemm} are both {@code GemmBenchmark.gemm}); rows of one family with the
 *       same params (except {@code impl}) measure the same problem.</li>
 *   <li>The <b>scalar twin</b> of a row is the row of the same benchmark with {@code impl=scalar},
 *       or of the same family whose method ends in {@code Scalar}.</li>
 * </ul>
 */
public final class Peers {

  /** Name parts that mark a peer library, as written in benchmark names. */
  public static final List<String> PEER_TOKENS =
      List.of("CommonsMath", "Ejml", "Lapack", "OpenBlas", "Netlib", "Ojalgo");

  private Peers() {
  }

  /** The peer library of a row, or null for dmftbench's own code. */
  public static String peerOf(RowKey key) {
    String name = key.shortName().toLowerCase(Locale.ROOT);
    String best = null;
    for (String t : PEER_TOKENS) {
      if (name.contains(t.toLowerCase(Locale.ROOT)) && (best == null || t.length() > best.length())) {
        best = t;
      }
    }
    return best;
  }

  /** True when the row runs the plain Java twin (impl=scalar or a method ending in Scalar). */
  public static boolean isScalar(RowKey key) {
    return Params.SCALAR.equals(key.params().get(Params.IMPL)) || key.method().endsWith("Scalar");
  }

  /** The family: class.method with peer tokens and a trailing Scalar/Panama removed. */
  public static String family(RowKey key) {
    String cls = key.className();
    String method = strip(key.method());
    if (cls.endsWith("PeersBenchmark")) {
      cls = cls.substring(0, cls.length() - "PeersBenchmark".length()) + "Benchmark";
      method = Character.toLowerCase(method.charAt(0)) + method.substring(1);
    }
    return cls + "." + method;
  }

  /** The family's class part only (one chart per benchmark class and method family). */
  static String strip(String method) {
    String m = method;
    for (String t : PEER_TOKENS.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      m = m.replaceAll("(?i)" + t, "");
    }
    m = m.replaceAll("(Scalar|Panama|Simd|Vector)$", "");
    return m.isEmpty() ? method : m;
  }

  /** Params identifying the problem: all but impl and the thread count. */
  public static Map<String, String> problem(RowKey key) {
    Map<String, String> p = new TreeMap<>(key.params());
    p.remove(Params.IMPL);
    p.remove("threads");
    return p;
  }

  /** The line label of a row within its family chart: peer or impl, plus the non-size params. */
  public static String lineLabel(RowKey key) {
    StringBuilder sb = new StringBuilder();
    String peer = peerOf(key);
    if (peer != null) {
      sb.append(peer);
    } else {
      String impl = key.params().get(Params.IMPL);
      sb.append(impl != null ? impl : isScalar(key) ? "scalar" : "dmftbench");
    }
    String sizeKey = Params.sizeKey(key.params());
    for (Map.Entry<String, String> e : key.params().entrySet()) {
      if (!e.getKey().equals(sizeKey) && !e.getKey().equals(Params.IMPL)) {
        sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
      }
    }
    return sb.toString();
  }
}
