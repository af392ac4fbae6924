package dev.skein.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor.Type;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

class TestGroupReportTest {
    private static final TestExecutionResult OK = TestExecutionResult.successful();
    private static final TestExecutionResult ABORTED = TestExecutionResult.aborted(null);
    private static final TestExecutionResult FAILED = TestExecutionResult.failed(new AssertionError("x"));

    @TempDir
    Path tmp;

    @Test
    void countsTestsPerTagIncludingClassesThatNeverStartedTheirTests() throws IOException {
        Path file = tmp.resolve("target/groups.properties");
        TestGroupReport report = new TestGroupReport(file);

        run(report, test("a", "postgres"), OK);
        run(report, test("b", "postgres"), FAILED);
        run(report, test("c", "postgres", "node"), ABORTED);
        run(report, test("d"), OK);
        report.executionSkipped(test("e", "node"), "disabled");
        TestIdentifier abortedClass = container("C", "node");
        report.executionStarted(abortedClass);
        report.executionFinished(abortedClass, ABORTED);
        report.testPlanExecutionFinished(null);

        Properties p = load(file);
        assertThat(TestGroupCounts.readFrom("postgres", p)).isEqualTo(new TestGroupCounts(3, 1, 1, 1, 0));
        assertThat(TestGroupCounts.readFrom("node", p)).isEqualTo(new TestGroupCounts(1, 0, 0, 2, 1));
        assertThat(p.stringPropertyNames()).allMatch(k -> k.startsWith("postgres.") || k.startsWith("node."));
    }

    @Test
    void addsToWhatOtherTestJvmsAlreadyWroteAndCountsEachTestOnce() throws IOException {
        Path file = tmp.resolve("groups.properties");
        TestGroupReport first = new TestGroupReport(file);
        run(first, test("a", "postgres"), OK);
        first.testPlanExecutionFinished(null);
        first.testPlanExecutionFinished(null);

        TestGroupReport second = new TestGroupReport(file);
        run(second, test("b", "postgres"), OK);
        run(second, test("c", "node"), OK);
        second.testPlanExecutionFinished(null);

        Properties p = load(file);
        assertThat(TestGroupCounts.readFrom("postgres", p)).isEqualTo(new TestGroupCounts(2, 2, 0, 0, 0));
        assertThat(TestGroupCounts.readFrom("node", p)).isEqualTo(new TestGroupCounts(1, 1, 0, 0, 0));
    }

    @Test
    void writesNothingWithoutAFile() {
        TestGroupReport report = new TestGroupReport(null);
        run(report, test("a", "postgres"), OK);
        report.testPlanExecutionFinished(null);
        assertThat(tmp).isEmptyDirectory();
    }

    private static void run(TestGroupReport report, TestIdentifier id, TestExecutionResult result) {
        report.executionStarted(id);
        report.executionFinished(id, result);
    }

    private static TestIdentifier test(String name, String... tags) {
        return TestIdentifier.from(new Descriptor(name, Type.TEST, tags));
    }

    private static TestIdentifier container(String name, String... tags) {
        return TestIdentifier.from(new Descriptor(name, Type.CONTAINER, tags));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    private static final class Descriptor extends AbstractTestDescriptor {
        private final Type type;
        private final Set<TestTag> tags;

        Descriptor(String name, Type type, String... tags) {
            super(UniqueId.forEngine("fake").append("item", name), name);
            this.type = type;
            this.tags = Arrays.stream(tags).map(TestTag::create).collect(Collectors.toSet());
        }

        @Override
        public Type getType() {
            return type;
        }

        @Override
        public Set<TestTag> getTags() {
            return tags;
        }
    }
}
