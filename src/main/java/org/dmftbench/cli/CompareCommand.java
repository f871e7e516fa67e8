package org.dmftbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dmftbench.report.AccuracyRecords;
import org.dmftbench.report.BadResultException;
import org.dmftbench.report.Comparison;
import org.dmftbench.report.JmhResults;
import org.dmftbench.report.RowKey;
import org.dmftbench.report.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmftbench compare A B}: run B against run A with bootstrap intervals and verdicts. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare two JMH runs (JMH JSON files or result bundles; a directory without jmh.json "
        + "merges its jmh*.json files as extra forks). Rows are matched by benchmark + params + mode; "
        + "the effect is the time ratio B/A (< 1: B faster) with a bootstrap interval resampling forks, "
        + "then iterations; verdict faster/slower when the interval excludes 1 AND the change exceeds "
        + "--threshold, unchanged when it does not matter, else inconclusive. Accuracy figures are compared too.",
        "Exit codes: 0 no regression, 3 regression (slower row or worse accuracy), "
            + "4 only inconclusive rows with --strict, 2 bad input."})
final class CompareCommand implements Callable<Integer> {

  /** Exit code when B regressed. */
  static final int REGRESSION = 3;
  /** Exit code with --strict when some rows are inconclusive and none regressed. */
  static final int INCONCLUSIVE = 4;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "Baseline: JMH JSON file or result directory.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "Candidate: JMH JSON file or result directory.")
  Path b;

  @Mixin
  ComparisonOptions stats;

  @Option(names = "--markdown", description = "Markdown output (for a pull-request comment).")
  boolean markdown;

  @Option(names = "--json", description = "JSON output.")
  boolean json;

  @Option(names = "--strict", description = "Exit 4 when rows are inconclusive (and none regressed).")
  boolean strict;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the output to FILE.")
  Path out;

  @Option(names = "--confirm-of", paramLabel = "JSON",
      description = "An earlier `compare --json` output: only rows that regressed there AND here count as regressions "
          + "(a confirmation re-run).")
  Path confirmOf;

  @Option(names = "--noise", description = "Print the noise floor per row (for an A/A run: calibrates --threshold).")
  boolean noise;

  @Override
  public Integer call() throws IOException {
    if (markdown && json) {
      throw new UserInputException("choose one of --markdown and --json");
    }
    Comparison.Settings s = stats.settings();
    Comparison c = Comparison.of(JmhResults.read(a), JmhResults.read(b), AccuracyRecords.read(a),
        AccuracyRecords.read(b), s);
    if (c.rows().isEmpty()) {
      throw new UserInputException("no benchmark row is in both " + a + " and " + b);
    }
    String text = json ? c.toJson() : markdown ? c.toMarkdown() : c.toText();
    if (noise) {
      text += noiseFloor(c);
    }
    PrintWriter pw = spec.commandLine().getOut();
    pw.print(text);
    if (out != null) {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    }
    boolean regression;
    if (confirmOf != null) {
      Set<String> earlier = regressedIn(confirmOf);
      regression = c.rows().stream().anyMatch(r -> r.verdict() == Verdict.SLOWER && earlier.contains(id(r.key())))
          || c.accuracy().stream().anyMatch(x -> x.regression() && earlier.contains(id(x.key())));
      if (!json) {
        pw.println(regression ? "confirmed: regression seen in both runs" : "not confirmed: no row regressed in both runs");
      }
    } else {
      regression = c.hasRegression();
    }
    pw.flush();
    if (regression) {
      return REGRESSION;
    }
    return strict && c.count(Verdict.INCONCLUSIVE) > 0 ? INCONCLUSIVE : DmftBench.OK;
  }

  private static String id(RowKey k) {
    return k.benchmark() + "|" + k.params();
  }

  private static Set<String> regressedIn(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BadResultException(file + ": not a `compare --json` output");
    }
    Set<String> ids = new HashSet<>();
    for (String field : List.of("rows", "accuracy")) {
      for (JsonNode n : root.path(field)) {
        boolean bad = "slower".equals(n.path("verdict").asText()) || n.path("regression").asBoolean(false);
        if (bad) {
          Map<String, String> p = new LinkedHashMap<>();
          n.path("params").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
          ids.add(id(new RowKey(n.path("benchmark").asText(), n.path("mode").asText(), p)));
        }
      }
    }
    return ids;
  }

  /** Per row: how far from 1 the interval reaches (the change an A/A run can show by chance). */
  static String noiseFloor(Comparison c) {
    StringBuilder sb = new StringBuilder("\nnoise floor (A/A: largest distance of the interval from 1):\n");
    double worst = 0;
    for (Comparison.Row r : c.rows()) {
      double nf = Double.isNaN(r.lo()) ? Double.NaN : Math.max(Math.abs(r.hi() - 1), Math.abs(1 - r.lo()));
      nf = Double.isNaN(nf) ? nf : Math.max(nf, Math.abs(r.ratio() - 1));
      if (nf > worst) {
        worst = nf;
      }
      sb.append(String.format(Locale.ROOT, "  %-60s %s%n", r.key().toString(),
          Double.isNaN(nf) ? "no interval" : String.format(Locale.ROOT, "%.1f %%", nf * 100)));
    }
    sb.append(String.format(Locale.ROOT, "suggested --threshold: %.0f (1.5 × the worst row, at least 2)%n",
        Math.max(2, Math.ceil(worst * 150))));
    return sb.toString();
  }
}
