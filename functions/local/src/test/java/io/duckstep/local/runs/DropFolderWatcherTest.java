package io.duckstep.local.runs;

import io.duckstep.lambda.support.UploadRunNames;
import io.duckstep.testing.TestingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class DropFolderWatcherTest
{
    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    private final TestingClock clock = new TestingClock();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> runs = Collections.synchronizedList(new ArrayList<>());

    @Test
    void poll_newFile_startsOneRunOnlyOnceItIsStable()
            throws Exception
    {
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Path file = Files.writeString(drop.resolve("december.csv"), "a,b\n1,2\n");
        DropFolderWatcher watcher = watcher(drop, 1);

        watcher.poll();
        clock.advance(Duration.ofSeconds(1));
        watcher.poll();
        assertThat(runs).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        watcher.poll();
        watcher.poll();

        assertThat(runs).containsExactly(UploadRunNames.forFile("december.csv", sha256("a,b\n1,2\n")) + " " + file);
        assertThat(lines).containsExactly(
                "started " + runId("december.csv", "a,b\n1,2\n") + " for december.csv",
                "finished " + runId("december.csv", "a,b\n1,2\n") + " SUCCEEDED for december.csv: report report-of-" + runId("december.csv", "a,b\n1,2\n"));
    }

    @Test
    void poll_sameFileTwiceAndARestart_startNothingNewButNewContentDoes()
            throws Exception
    {
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Path file = Files.writeString(drop.resolve("a.csv"), "one\n");
        DropFolderWatcher watcher = watcher(drop, 1);
        settle(watcher);

        // the same content written again (a touched file): a new modification time, the same run id
        Files.writeString(file, "one\n");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().plusSeconds(60)));
        settle(watcher);
        // a restarted watcher over the same runs
        settle(watcher(drop, 1));
        assertThat(runs).hasSize(1);

        Files.writeString(file, "two\n");
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().plusSeconds(120)));
        settle(watcher);

        assertThat(runs).containsExactly(runId("a.csv", "one\n") + " " + file, runId("a.csv", "two\n") + " " + file);
        assertThat(lines).contains("skipped a.csv: this content already ran as " + runId("a.csv", "one\n"));
    }

    @Test
    void poll_fileWrittenSlowly_runsOnceOnTheWholeContent()
            throws Exception
    {
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Path file = Files.writeString(drop.resolve("slow.csv"), "header\n");
        DropFolderWatcher watcher = watcher(drop, 1);
        StringBuilder content = new StringBuilder("header\n");
        for (int line = 0; line < 5; line++) {
            watcher.poll();
            clock.advance(Duration.ofSeconds(1));
            Files.writeString(file, "row " + line + "\n", StandardOpenOption.APPEND);
            content.append("row ").append(line).append('\n');
        }
        assertThat(runs).isEmpty();

        settle(watcher);

        assertThat(runs).containsExactly(runId("slow.csv", content.toString()) + " " + file);
    }

    @Test
    void poll_otherFileTypes_areIgnoredWithOneLineEach()
            throws Exception
    {
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Files.writeString(drop.resolve("notes.txt"), "x");
        Files.writeString(drop.resolve(".hidden.csv.part"), "x");
        DropFolderWatcher watcher = watcher(drop, 1);

        settle(watcher);
        settle(watcher);

        assertThat(runs).isEmpty();
        assertThat(lines).containsExactly("ignored notes.txt: not a .csv, .csv.gz, .parquet or .xlsx file");
    }

    @Test
    void poll_failingRun_saysWhyInItsLine()
            throws Exception
    {
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Files.writeString(drop.resolve("bad.csv"), "bad\n");
        DropFolderWatcher watcher = new DropFolderWatcher(drop, directory.resolve("runs"), clock, SETTLE, 1,
                (file, runId) -> new DropFolderWatcher.RunEnd(runId, "FAILED", Optional.empty(), Optional.of("bad.csv, line 1: wrong header")), lines::add);

        settle(watcher);

        assertThat(lines).containsExactly("started " + runId("bad.csv", "bad\n") + " for bad.csv",
                "finished " + runId("bad.csv", "bad\n") + " FAILED for bad.csv: bad.csv, line 1: wrong header");
    }

    @Test
    void close_parallelRuns_waitsForTheRunningOnesAndStartsNoQueuedOne()
            throws Exception
    {
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Files.writeString(drop.resolve("a.csv"), "a\n");
        Files.writeString(drop.resolve("b.csv"), "b\n");
        Files.writeString(drop.resolve("c.csv"), "c\n");
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        DropFolderWatcher watcher = new DropFolderWatcher(drop, directory.resolve("runs"), clock, SETTLE, 2, (file, runId) -> {
            runs.add(file.getFileName().toString());
            bothRunning.countDown();
            try {
                release.await();
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new DropFolderWatcher.RunEnd(runId, "SUCCEEDED", Optional.of("r"), Optional.empty());
        }, lines::add);
        settle(watcher);
        bothRunning.await();

        watcher.stop();
        release.countDown();
        watcher.close();

        assertThat(runs).containsExactlyInAnyOrder("a.csv", "b.csv");
        assertThat(lines.stream().filter(line -> line.startsWith("finished"))).hasSize(2);
    }

    private DropFolderWatcher watcher(Path drop, int parallel)
    {
        Path runsRoot = directory.resolve("runs");
        return new DropFolderWatcher(drop, runsRoot, clock, SETTLE, parallel, (file, runId) -> {
            runs.add(runId + " " + file);
            try {
                Files.createDirectories(runsRoot.resolve(runId));
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new DropFolderWatcher.RunEnd(runId, "SUCCEEDED", Optional.of("report-of-" + runId), Optional.empty());
        }, lines::add);
    }

    private void settle(DropFolderWatcher watcher)
    {
        watcher.poll();
        clock.advance(SETTLE);
        watcher.poll();
    }

    private static String runId(String name, String content)
            throws Exception
    {
        return UploadRunNames.forFile(name, sha256(content));
    }

    private static String sha256(String content)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
