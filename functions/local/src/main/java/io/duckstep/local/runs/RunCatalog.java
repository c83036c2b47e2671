package io.duckstep.local.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The runs under a runs directory ({@code out/runs} by default): each sub-directory is a run, read
 * through its manifest and its recorded history.
 */
public final class RunCatalog
{
    private final Path root;

    public RunCatalog(Path root)
    {
        this.root = requireNonNull(root, "root is null");
    }

    public Path root()
    {
        return root;
    }

    /** Every run, newest first. */
    public List<LocalRun> list()
    {
        return runIds().stream()
                .map(this::read)
                .sorted(Comparator.comparing((LocalRun run) -> run.time().orElse(Instant.EPOCH)).reversed().thenComparing(LocalRun::runId))
                .toList();
    }

    public Optional<LocalRun> find(String runId)
    {
        if (!runId.matches("[A-Za-z0-9_.-]{1,80}") || runId.startsWith(".") || !Files.isDirectory(root.resolve(runId))) {
            return Optional.empty();
        }
        return Optional.of(read(runId));
    }

    /** Up to {@code limit} run ids close to a given one: those it is a prefix of first, then by edit distance. */
    public List<String> nearest(String runId, int limit)
    {
        int tolerance = Math.max(3, runId.length() / 3);
        return runIds().stream()
                .filter(candidate -> candidate.startsWith(runId) || editDistance(candidate, runId) <= tolerance)
                .sorted(Comparator.comparing((String candidate) -> candidate.startsWith(runId) ? 0 : 1)
                        .thenComparing(candidate -> editDistance(candidate, runId))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

    private LocalRun read(String runId)
    {
        Path directory = root.resolve(runId);
        return new LocalRun(runId, directory, RunManifest.readFrom(directory), RunHistory.readFrom(directory));
    }

    private List<String> runIds()
    {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new RunRecordException("cannot list the runs in " + root + ": " + e.getMessage(), e);
        }
    }

    static int editDistance(String first, String second)
    {
        int[] previous = new int[second.length() + 1];
        int[] current = new int[second.length() + 1];
        for (int j = 0; j <= second.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= first.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= second.length(); j++) {
                int substitution = previous[j - 1] + (first.charAt(i - 1) == second.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[second.length()];
    }
}
