package org.dmftbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The synthetic JMH fixtures under src/test/resources/org/dmftbench/report (see make-fixtures.py). */
public final class Fixtures {

  private Fixtures() {
  }

  /** A fixture file or directory, e.g. {@code compare/a}. */
  public static Path path(String relative) {
    try {
      return Path.of(Fixtures.class.getResource("/org/dmftbench/report/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test fixture " + relative, e);
    }
  }

  /** A copy of a fixture bundle in {@code dir} (for tests that write into the bundle). */
  public static Path copy(String relative, Path dir) {
    Path src = path(relative);
    Path dst = dir.resolve(src.getFileName().toString());
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dst;
  }
}
