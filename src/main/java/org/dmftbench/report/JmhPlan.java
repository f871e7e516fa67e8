package org.dmftbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The JMH command lines of a benchmark profile with the user's extra flags merged in; used by
 * {@code scripts/bench.sh} (and so testable without running JMH).
 *
 * <p>A profile file ({@code scripts/profiles/NAME.args}) holds JMH arguments separated by white
 * space ({@code #} starts a comment). Lines before the first {@code [run]} line apply to every run;
 * each {@code [run]} section is one JMH invocation with its own include regexes and {@code -p}
 * overrides (so a family can have sizes of its own); without {@code [run]} there is one invocation.
 *
 * <p>Merging rules: a user flag replaces the profile's flag of the same name; {@code -p k=v}
 * replaces the profile's {@code -p k=…} only; {@code -prof} and {@code -e} add; the JVM-argument
 * flags ({@code -jvmArgs}, {@code -jvmArgsAppend}, {@code -jvmArgsPrepend}) are joined, so a user's
 * {@code -jvmArgsAppend} keeps working beside the suite's; include regexes given by the user
 * replace those of the profile and collapse the runs to one. Always set: {@code -foe true},
 * {@code -rf json -rff <out>} and {@code -Ddmftbench.accuracy.out=<file>} plus the Vector API
 * module in {@code -jvmArgsAppend}.
 */
public final class JmhPlan {

  /** JMH options that take no value. */
  static final Set<String> NO_VALUE = Set.of("-h", "--help", "-l", "-lp", "-lrf", "-lprof");
  /** JMH options that may repeat (values accumulate). */
  static final Set<String> REPEATABLE = Set.of("-prof", "-e");
  /** JVM-argument options whose values are joined. */
  static final Set<String> JVM_ARGS = Set.of("-jvmArgs", "-jvmArgsAppend", "-jvmArgsPrepend");
  /** Options the suite sets itself. */
  static final Set<String> OWNED = Set.of("-rf", "-rff", "-foe", "-o");

  /** One parsed argument list: options in order, -p by key, include regexes. */
  static final class Args {
    final LinkedHashMap<String, List<String>> options = new LinkedHashMap<>();
    final LinkedHashMap<String, String> params = new LinkedHashMap<>();
    final List<String> includes = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    static Args parse(List<String> tokens) {
      Args a = new Args();
      for (int i = 0; i < tokens.size(); i++) {
        String t = tokens.get(i);
        if (!t.startsWith("-") || t.equals("-")) {
          a.includes.add(t);
          continue;
        }
        if (NO_VALUE.contains(t)) {
          a.options.put(t, List.of());
          continue;
        }
        if (i + 1 >= tokens.size()) {
          throw new IllegalArgumentException("JMH option " + t + " needs a value");
        }
        String v = tokens.get(++i);
        a.put(t, v);
      }
      return a;
    }

    void put(String opt, String v) {
      if (opt.equals("-p")) {
        int eq = v.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("-p " + v + ": expected -p name=value[,value...]");
        }
        params.put(v.substring(0, eq), v.substring(eq + 1));
      } else if (OWNED.contains(opt)) {
        warnings.add("ignoring " + opt + " " + v + ": scripts/bench.sh sets it (results go to the bundle)");
      } else if (REPEATABLE.contains(opt) || JVM_ARGS.contains(opt)) {
        options.computeIfAbsent(opt, k -> new ArrayList<>()).add(v);
      } else {
        options.put(opt, new ArrayList<>(List.of(v)));
      }
    }

    /** This overridden by {@code o}. */
    Args with(Args o) {
      Args r = new Args();
      options.forEach((k, v) -> r.options.put(k, new ArrayList<>(v)));
      r.params.putAll(params);
      r.includes.addAll(includes);
      o.options.forEach((k, v) -> {
        if (REPEATABLE.contains(k) || JVM_ARGS.contains(k)) {
          r.options.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v);
        } else {
          r.options.put(k, new ArrayList<>(v));
        }
      });
      r.params.putAll(o.params);
      if (!o.includes.isEmpty()) {
        r.includes.clear();
        r.includes.addAll(o.includes);
      }
      r.warnings.addAll(warnings);
      r.warnings.addAll(o.warnings);
      return r;
    }

    List<String> toList() {
      List<String> out = new ArrayList<>(includes);
      options.forEach((k, v) -> {
        if (v.isEmpty()) {
          out.add(k);
        } else if (JVM_ARGS.contains(k)) {
          out.add(k);
          out.add(String.join(" ", v));
        } else {
          for (String x : v) {
            out.add(k);
            out.add(x);
          }
        }
      });
      params.forEach((k, v) -> {
        out.add("-p");
        out.add(k + "=" + v);
      });
      return out;
    }
  }

  /** Tokens of a profile file: common part and the [run] sections. */
  static List<List<String>> readProfile(Path file) throws IOException {
    List<List<String>> sections = new ArrayList<>();
    sections.add(new ArrayList<>());
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int hash = line.indexOf('#');
      String l = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (l.equals("[run]")) {
        sections.add(new ArrayList<>());
      } else if (!l.isEmpty()) {
        sections.get(sections.size() - 1).addAll(List.of(l.split("\\s+")));
      }
    }
    return sections;
  }

  /**
   * The JMH argument lists of a profile with the user's flags merged and the suite's settings added;
   * {@code resultFile(i)} names the JSON file of run i.
   */
  public static List<List<String>> plan(List<List<String>> profile, List<String> user, String accuracyFile,
      java.util.function.IntFunction<String> resultFile, List<String> warnings, List<String> benchmarks) {
    Args common = Args.parse(profile.get(0));
    Args u = Args.parse(user);
    List<Args> runs = new ArrayList<>();
    if (profile.size() == 1 || !u.includes.isEmpty()) {
      runs.add(common.with(u));
    } else {
      List<String> named = new ArrayList<>();
      for (int i = 1; i < profile.size(); i++) {
        named.addAll(Args.parse(profile.get(i)).includes);
      }
      for (int i = 1; i < profile.size(); i++) {
        Args section = Args.parse(profile.get(i));
        if (section.includes.isEmpty() && !named.isEmpty()) {
          // A [run] without regexes runs "the rest": every benchmark no other section names.
          section.includes.add("^(?!.*(?:" + String.join("|", named) + ")).*$");
        }
        runs.add(common.with(section).with(u));
      }
    }
    if (benchmarks != null) {
      runs.removeIf(r -> !matchesAny(r.includes, benchmarks));
      if (runs.isEmpty()) {
        throw new IllegalArgumentException("no benchmark in the jar matches " + (u.includes.isEmpty()
            ? "the profile" : String.join(" ", u.includes)) + " (list them: java -jar target/benchmarks.jar -l)");
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Args r = runs.get(i);
      List<String> append = r.options.computeIfAbsent("-jvmArgsAppend", k -> new ArrayList<>());
      append.add(0, "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED -D" + "dmftbench.accuracy.out=" + accuracyFile);
      r.options.put("-foe", new ArrayList<>(List.of("true")));
      r.options.put("-rf", new ArrayList<>(List.of("json")));
      r.options.put("-rff", new ArrayList<>(List.of(resultFile.apply(i))));
      if (i == 0) {
        warnings.addAll(r.warnings);
      }
      out.add(r.toList());
    }
    return out;
  }

  /** True when some benchmark name contains a match of some regex (JMH's rule; no regex matches all). */
  static boolean matchesAny(List<String> includes, List<String> benchmarks) {
    if (includes.isEmpty()) {
      return !benchmarks.isEmpty();
    }
    for (String re : includes) {
      java.util.regex.Pattern p;
      try {
        p = java.util.regex.Pattern.compile(re);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException("benchmark regex " + re + " is invalid: " + e.getDescription());
      }
      if (benchmarks.stream().anyMatch(b -> p.matcher(b).find())) {
        return true;
      }
    }
    return false;
  }

  /** The JVM flags a fork of this run gets beyond the launcher's: -jvmArgs, -jvmArgsPrepend and -jvmArgsAppend values. */
  public static List<String> forkJvmFlags(List<String> run) {
    List<String> flags = new ArrayList<>();
    for (int i = 0; i + 1 < run.size(); i++) {
      if (JVM_ARGS.contains(run.get(i))) {
        for (String f : run.get(i + 1).trim().split("\\s+")) {
          if (!f.isEmpty() && !f.startsWith("-Ddmftbench.accuracy.out=")) {
            flags.add(f);
          }
        }
      }
    }
    return flags;
  }

  /**
   * A JMH include regex selecting exactly the benchmarks with a slower row or an accuracy regression
   * in a {@code compare --json} output (for the confirmation re-run), or an empty line when none.
   */
  public static String regressedRegex(Path compareJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(compareJson.toFile());
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (String field : List.of("rows", "accuracy")) {
      for (JsonNode n : root.path(field)) {
        if ("slower".equals(n.path("verdict").asText()) || n.path("regression").asBoolean(false)) {
          names.add(java.util.regex.Pattern.quote(n.path("benchmark").asText()));
        }
      }
    }
    return names.isEmpty() ? "" : "^(?:" + String.join("|", names) + ")$";
  }

  /** Concatenates JMH JSON arrays into one (rows untouched). */
  public static void merge(Path out, List<Path> parts) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ArrayNode all = m.createArrayNode();
    for (Path p : parts) {
      JsonNode n = m.readTree(p.toFile());
      if (n == null || !n.isArray()) {
        throw new BadResultException(p + ": not a JMH result array");
      }
      n.forEach(all::add);
    }
    Files.writeString(out, m.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * {@code plan PROFILE_FILE BENCHMARK_LIST BUNDLE_DIR [user JMH args]} (the list is the output of
   * JMH's {@code -l}; runs that match no benchmark are dropped): prints, NUL-separated, {@code RUN} followed
   * by the arguments of each run, then {@code FLAGS} and the fork JVM flags of the first run, and
   * warnings on standard error. {@code merge OUT IN...}: concatenates JMH JSON files.
   */
  public static void main(String[] args) throws IOException {
    try {
      if (args.length == 2 && args[0].equals("regressed")) {
        System.out.println(regressedRegex(Path.of(args[1])));
        return;
      }
      if (args.length >= 2 && args[0].equals("merge")) {
        List<Path> in = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
          in.add(Path.of(args[i]));
        }
        merge(Path.of(args[1]), in);
        return;
      }
      if (args.length < 4 || !args[0].equals("plan")) {
        System.err.println("usage: JmhPlan plan PROFILE_FILE BENCHMARK_LIST BUNDLE_DIR [JMH args] | merge OUT IN... | regressed COMPARE_JSON");
        System.exit(2);
      }
      List<String> benchmarks = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream()
          .map(String::trim).filter(l -> l.matches("[\\w.$]+\\.[\\w$]+")).toList();
      Path bundle = Path.of(args[3]).toAbsolutePath();
      List<String> user = List.of(args).subList(4, args.length);
      List<String> warnings = new ArrayList<>();
      List<List<String>> runs = plan(readProfile(Path.of(args[1])), user, bundle.resolve("accuracy.jsonl").toString(),
          i -> bundle.resolve("jmh-part" + (i + 1) + ".json").toString(), warnings, benchmarks);
      warnings.forEach(w -> System.err.println("dmftbench: " + w));
      PrintStream o = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      for (List<String> r : runs) {
        o.print("RUN\0");
        r.forEach(a -> o.print(a + "\0"));
      }
      o.print("FLAGS\0");
      forkJvmFlags(runs.get(0)).forEach(a -> o.print(a + "\0"));
      o.flush();
    } catch (IllegalArgumentException e) {
      System.err.println("dmftbench: " + e.getMessage());
      System.exit(2);
    }
  }
}
