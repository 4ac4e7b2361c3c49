package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code ./linetwin}) in a copy of the project layout, with stand-ins for Maven and the
 * JDKs that record how they were called: when it builds, when it makes its start-up archive, which JVM and
 * which options it runs the CLI with. (The real JVM and archive are run by LauncherGoldenIT.)
 */
final class LauncherTest {

    private static final String MODULES = "twin-model twin-sync simulation predictors renderer loop app";

    @TempDir
    Path root;

    private Path calls;
    private Path jvms;
    private Path source;
    private Path dependency;
    private final Map<String, String> env = new java.util.HashMap<>();

    @BeforeEach
    void layOutProject() throws IOException {
        Files.copy(Path.of("..", "linetwin"), root.resolve("linetwin"));
        executable(root.resolve("linetwin"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        for (String module : MODULES.split(" ")) {
            Files.createDirectories(root.resolve(module).resolve("src/main/java"));
        }
        source = root.resolve("simulation/src/main/java/Engine.java");
        Files.writeString(source, "class Engine {}");
        dependency = root.resolve("repo/dep.jar");
        Files.createDirectories(dependency.getParent());
        Files.writeString(dependency, "jar");
        calls = root.resolve("calls.log");
        Files.writeString(calls, "");

        Path bin = Files.createDirectories(root.resolve("bin"));
        script(bin.resolve("mvn"), """
                echo "mvn $*" >> "$CALLS"
                mkdir -p app/target
                echo jar > app/target/app-0.1.0-SNAPSHOT.jar
                echo "$DEPENDENCY" > app/target/runtime-classpath.txt
                """);
        jvms = Files.createDirectories(root.resolve("jvms"));
        Path jdk17 = jdk("jdk-17", "17.0.9");
        env.put("PATH", jdk17.resolve("bin") + ":" + bin + ":/usr/bin:/bin");
        env.put("LINETWIN_JVMS", jvms.toString());
        env.put("CALLS", calls.toString());
        env.put("DEPENDENCY", dependency.toString());
    }

    @Test
    void firstRunBuildsMakesTheArchiveAndRunsWithIt() throws Exception {
        List<String> lines = launch("run", "line.yaml");

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("mvn ").contains(" package").doesNotContain("install");
        assertThat(lines.get(1)).contains("jdk-17/bin/java ", "-XX:DumpLoadedClassList=", "StartupTraining");
        assertThat(lines.get(2)).contains("-Xshare:dump", "-XX:SharedClassListFile=");
        assertThat(lines.get(3))
                .contains("-XX:SharedArchiveFile=" + archive("jdk-17.jsa"), "io.linetwin.app.Main run line.yaml")
                .doesNotContain("TieredStopAtLevel");
        assertThat(archive("jdk-17.jsa")).exists();
    }

    @Test
    void laterRunsOnlyRun() throws Exception {
        launch("run", "line.yaml");

        assertThat(launch("run", "line.yaml"))
                .singleElement()
                .asString()
                .contains("-XX:SharedArchiveFile=", "Main run line.yaml");
    }

    @Test
    void aChangedSourceRebuildsAndRemakesTheArchive() throws Exception {
        launch("run", "line.yaml");
        ageBuildOutputs();
        Files.writeString(source, "class Engine { int changed; }");

        List<String> lines = launch("run", "line.yaml");

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("mvn ");
        assertThat(lines.get(1)).contains("-XX:DumpLoadedClassList=");
    }

    @Test
    void aChangedJarOnTheClassPathRemakesTheArchiveWithoutBuilding() throws Exception {
        launch("run", "line.yaml");
        ageBuildOutputs();
        Files.writeString(dependency, "new jar");

        List<String> lines = launch("run", "line.yaml");

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("-XX:DumpLoadedClassList=");
    }

    @Test
    void theNewestJdkIsPickedAndJava25GetsTheAotCacheWithTheSameModuleOptions() throws Exception {
        jdk("jdk-25", "25.0.1");

        List<String> lines = launch("run", "line.yaml");

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .contains("jdk-25/bin/java ", "-XX:AOTCacheOutput=", "--enable-native-access=ALL-UNNAMED");
        assertThat(lines.get(2))
                .contains(
                        "jdk-25/bin/java ",
                        "-XX:AOTCache=" + archive("jdk-25.aot"),
                        "--enable-native-access=ALL-UNNAMED",
                        "Main run line.yaml");
    }

    @Test
    void linetwinJavaOverridesTheSearch() throws Exception {
        Path jdk25 = jdk("jdk-25", "25.0.1");
        env.put("LINETWIN_JAVA", root.resolve("jvms/jdk-17/bin/java").toString());

        List<String> lines = launch("run", "line.yaml");

        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(jdk25.toString()));
        assertThat(lines.get(lines.size() - 1)).contains("jdk-17/bin/java ", "-XX:SharedArchiveFile=");
    }

    @Test
    void theArchiveCanBeSwitchedOff() throws Exception {
        env.put("LINETWIN_CDS", "off");

        List<String> lines = launch("run", "line.yaml");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).doesNotContain("SharedArchiveFile", "AOTCache").contains("Main run line.yaml");
    }

    @Test
    void shortCommandsStopAtC1() throws Exception {
        launch("run", "line.yaml");

        for (String command : List.of("validate", "--version", "render", "view")) {
            assertThat(launch(command)).singleElement().asString().contains("-XX:TieredStopAtLevel=1");
        }
        assertThat(launch("compare", "x.yaml")).singleElement().asString().doesNotContain("TieredStopAtLevel");
    }

    @Test
    void healthRunsWithFreshNativeAllocationsFilledUnlessTheUserChoseOtherwise() throws Exception {
        launch("run", "line.yaml");

        assertThat(launch("health", "train")).singleElement().asString().endsWith("[MALLOC_PERTURB_=255]");
        assertThat(launch("run", "x.yaml")).singleElement().asString().doesNotContain("MALLOC_PERTURB_");
        env.put("MALLOC_PERTURB_", "7");
        assertThat(launch("health", "train")).singleElement().asString().endsWith("[MALLOC_PERTURB_=7]");
    }

    @Test
    void batchSimulationsRunOnTheParallelCollectorAndLongRunningCommandsOnTheDefault() throws Exception {
        launch("run", "line.yaml");

        for (String command : List.of("run", "compare", "tune")) {
            assertThat(launch(command, "x.yaml")).singleElement().asString().contains("-XX:+UseParallelGC");
        }
        for (String command : List.of("live", "emulate", "validate", "health")) {
            assertThat(launch(command, "x.yaml")).singleElement().asString().doesNotContain("UseParallelGC");
        }
    }

    @Test
    void aFailedArchiveIsReportedOnceAndNotRetriedUntilTheNextBuild() throws Exception {
        env.put("FAIL_DUMP", "1");

        Process first = start("run", "line.yaml");
        String err = new String(first.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(first.waitFor()).isZero();
        assertThat(err).contains("no start-up archive");
        Files.writeString(calls, "");

        assertThat(launch("run", "line.yaml"))
                .singleElement()
                .asString()
                .doesNotContain("SharedArchiveFile")
                .contains("Main run line.yaml");
    }

    @Test
    void noBuildWhenBuildingIsSwitchedOff() throws Exception {
        launch("run", "line.yaml");
        ageBuildOutputs();
        Files.writeString(source, "class Engine { int changed; }");
        env.put("LINETWIN_BUILD", "off");

        assertThat(launch("run", "line.yaml")).singleElement().asString().contains("Main run line.yaml");
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.createDirectories(home.resolve("lib/server"));
        Files.writeString(home.resolve("lib/server/libjvm.so"), "");
        Files.setLastModifiedTime(
                home.resolve("lib/server/libjvm.so"),
                FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        Files.createDirectories(home.resolve("bin"));
        script(home.resolve("bin/java"), """
                echo "$0 $*${MALLOC_PERTURB_:+ [MALLOC_PERTURB_=$MALLOC_PERTURB_]}" >> "$CALLS"
                for arg in "$@"; do
                    case "$arg" in
                        -XX:DumpLoadedClassList=*|-XX:AOTCacheOutput=*) [[ -n ${FAIL_DUMP:-} ]] && exit 1; echo x > "${arg#*=}" ;;
                        -XX:SharedArchiveFile=*) dump=${arg#*=} ;;
                        -Xshare:dump) share=1 ;;
                    esac
                done
                [[ -n ${share:-} ]] && echo x > "$dump"
                exit 0
                """);
        return home;
    }

    private Path archive(String name) {
        return root.resolve("app/target/cds").resolve(name);
    }

    /** Sources two hours old, the build one, its archive half an hour: a file written now is newer than all. */
    private void ageBuildOutputs() throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        List<Path> outputs = new ArrayList<>(List.of(
                root.resolve("app/target/app-0.1.0-SNAPSHOT.jar"),
                root.resolve("app/target/runtime-classpath.txt"),
                root.resolve("pom.xml"),
                source,
                dependency));
        try (var archives = Files.list(root.resolve("app/target/cds"))) {
            archives.forEach(outputs::add);
        }
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
        FileTime halfHourAgo = FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES));
        for (Path output : outputs) {
            boolean input = !output.startsWith(root.resolve("app/target"));
            boolean archive = output.startsWith(root.resolve("app/target/cds"));
            Files.setLastModifiedTime(output, input ? twoHoursAgo : archive ? halfHourAgo : hourAgo);
        }
        Files.writeString(calls, "");
    }

    private List<String> launch(String... args) throws Exception {
        Files.writeString(calls, "");
        Process process = start(args);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isZero();
        return Files.readAllLines(calls);
    }

    private Process start(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("linetwin").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("LINETWIN_JAVA");
        builder.environment().remove("LINETWIN_CDS");
        builder.environment().remove("LINETWIN_JAVA_OPTS");
        builder.environment().remove("MALLOC_PERTURB_");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish");
        }
        return process;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
