package dev.skein.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts how the tests of each tag ended and adds the counts to a properties file, so that CI can prove
 * the {@code postgres} and {@code node} groups really ran rather than trusting a green build.
 *
 * <p>Registered with the JUnit Platform launcher through {@code META-INF/services}, so it runs in every
 * module whose tests have test-support on the classpath. The file is named by the system property
 * {@value #FILE_PROPERTY} (the root pom points it at {@code target/skein-test-groups.properties} and
 * deletes it at the start of each build); without the property nothing is written. Several test JVMs of
 * one module may add to the same file: each merges its counts under a file lock.
 */
public final class TestGroupReport implements TestExecutionListener {
    public static final String FILE_PROPERTY = "skein.test.groups.file";

    private final Path file;
    private final Map<String, TestGroupCounts> counts = new ConcurrentHashMap<>();

    /** The listener the launcher loads: writes where {@value #FILE_PROPERTY} says, or nowhere. */
    public TestGroupReport() {
        this(fileFromProperty());
    }

    TestGroupReport(Path file) {
        this.file = file;
    }

    private static Path fileFromProperty() {
        String p = System.getProperty(FILE_PROPERTY);
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            add(id, TestGroupCounts.STARTED);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        add(id, TestGroupCounts.SKIPPED);
    }

    /** Counts every test's outcome, and a class's only when it failed or aborted before its tests ran. */
    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                if (id.isTest()) {
                    add(id, TestGroupCounts.SUCCEEDED);
                }
            }
            case FAILED -> add(id, TestGroupCounts.FAILED);
            case ABORTED -> add(id, TestGroupCounts.ABORTED);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (file != null) {
            flush();
        }
    }

    private void add(TestIdentifier id, TestGroupCounts delta) {
        for (TestTag tag : id.getTags()) {
            counts.merge(tag.getName(), delta, TestGroupCounts::plus);
        }
    }

    /** Adds what was counted since the last flush to the file, and starts counting afresh. */
    synchronized void flush() {
        Map<String, TestGroupCounts> taken = new TreeMap<>();
        for (String tag : counts.keySet()) {
            taken.put(tag, counts.remove(tag));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                Properties old = new Properties();
                if (Files.exists(file)) {
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        old.load(r);
                    }
                }
                Map<String, String> out = new TreeMap<>();
                for (String key : old.stringPropertyNames()) {
                    out.put(key, old.getProperty(key));
                }
                for (Map.Entry<String, TestGroupCounts> e : taken.entrySet()) {
                    TestGroupCounts.readFrom(e.getKey(), old).plus(e.getValue()).writeTo(e.getKey(), out);
                }
                StringBuilder text = new StringBuilder("# Tests per JUnit tag, written by ")
                        .append(TestGroupReport.class.getName()).append('\n');
                out.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test group report " + file, e);
        }
    }
}
