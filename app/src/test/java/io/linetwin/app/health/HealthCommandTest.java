package io.linetwin.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.predict.health.TrainingDivergedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class HealthCommandTest {

    /** The FD001 slice committed with the predictors tests; surefire runs in the module folder. */
    private static final Path FIXTURE = Path.of("../predictors/src/test/resources/cmapss");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void trainEvalAndPredictRunEndToEndOnTheFixture() {
        Path model = dir.resolve("model");

        int trained = run(
                "train",
                "--data",
                FIXTURE.toString(),
                "--set",
                "FD001",
                "--model",
                "cnn",
                "--out",
                model.toString(),
                "--epochs",
                "2",
                "--ensemble",
                "2",
                "--seed",
                "5");
        int evaluated = run("eval", "--data", FIXTURE.toString(), "--set", "FD001", "--model-dir", model.toString());
        int predicted = run(
                "predict",
                "--model-dir",
                model.toString(),
                "--data",
                FIXTURE.toString(),
                "--set",
                "FD001",
                "--seconds-per-cycle",
                "3600");

        assertThat(err.toString()).isEmpty();
        assertThat(new int[] {trained, evaluated, predicted}).containsOnly(0);
        assertThat(Files.exists(model.resolve("health-model.json"))).isTrue();
        assertThat(out.toString())
                .contains("FD001 cnn: RMSE ")
                .contains("unit,rul_mean,rul_sd,rul_p10,rul_p90,ttf_mean_h,p_fail_8h,p_fail_24h,p_fail_7d\n1,");
    }

    @Test
    void ageInputIsSavedWithTheModel() throws Exception {
        Path model = dir.resolve("model");

        int code = run(
                "train",
                "--data",
                FIXTURE.toString(),
                "--model",
                "cnn",
                "--out",
                model.toString(),
                "--epochs",
                "1",
                "--ensemble",
                "1",
                "--age-input");

        assertThat(code).as(err.toString()).isZero();
        String manifest = Files.readString(model.resolve("health-model.json"));
        assertThat(manifest).contains("\"ageInput\" : true").containsPattern("\"ageScale\" : [1-9]");
    }

    @Test
    void theBenchmarksBestRecipeIsReachableFromTheCli() throws Exception {
        Path model = dir.resolve("model");

        int code = run(
                "train",
                "--data",
                FIXTURE.toString(),
                "--model",
                "cnn",
                "--out",
                model.toString(),
                "--epochs",
                "1",
                "--ensemble",
                "1",
                "--age-input",
                "--smoothing",
                "0.05",
                "--patience",
                "8",
                "--baseline",
                "30");

        assertThat(code).as(err.toString()).isZero();
        String manifest = Files.readString(model.resolve("health-model.json")).replaceAll("\\s+", "");
        assertThat(manifest)
                .contains("\"smoothing\":0.05")
                .contains("\"baselineCycles\":30")
                .contains("\"baselineKeepAbsolute\":true")
                .contains("\"patience\":8");
    }

    @Test
    void baselineOnlyWithoutABaselineIsBadInput() {
        int code = run(
                "train",
                "--data",
                FIXTURE.toString(),
                "--model",
                "cnn",
                "--out",
                dir.resolve("m").toString(),
                "--baseline-only");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--baseline-only needs --baseline K");
    }

    @Test
    void predictReadsASensorHistoryCsvWithTheModelsSensorNames() throws Exception {
        Path model = dir.resolve("model");
        run(
                "train",
                "--data",
                FIXTURE.toString(),
                "--model",
                "cnn",
                "--out",
                model.toString(),
                "--epochs",
                "1",
                "--ensemble",
                "1");
        StringBuilder csv = new StringBuilder("machine,cycle");
        for (int s = 1; s <= 21; s++) {
            csv.append(",s").append(s);
        }
        csv.append('\n');
        for (String row : Files.readAllLines(FIXTURE.resolve("test_FD001.txt"))) {
            String[] f = row.strip().split("\\s+");
            if (f[0].equals("2")) {
                csv.append("press-").append(f[0]).append(',').append(f[1]);
                for (int c = 5; c < f.length; c++) {
                    csv.append(',').append(f[c]);
                }
                csv.append('\n');
            }
        }
        Path history = Files.writeString(dir.resolve("history.csv"), csv);
        out.getBuffer().setLength(0);

        int code = run("predict", "--model-dir", model.toString(), "--csv", history.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(2).element(1).asString().startsWith("press-2,");
    }

    @Test
    void aMissingDataFolderIsBadInputReportedInOneLine() {
        int code = run("eval", "--data", dir.resolve("nowhere").toString(), "--model-dir", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .endsWith("train_FD001.txt: expected a readable file, got none\n")
                .startsWith("health eval: ")
                .hasLineCount(1);
    }

    @Test
    void anUnknownModelKindIsBadInput() {
        int code = run(
                "train",
                "--data",
                FIXTURE.toString(),
                "--model",
                "transformer",
                "--out",
                dir.resolve("m").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "health train: model must be one of cnn, lstm, cnn-lstm, cnn-wide, cnn-deep, got transformer\n");
    }

    @Test
    void anOutFolderWithFilesIsRefusedBeforeTraining() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.writeString(model.resolve("notes.txt"), "keep me");

        int code = run(
                "train",
                "--data",
                FIXTURE.toString(),
                "--model",
                "cnn",
                "--out",
                model.toString(),
                "--epochs",
                "1",
                "--ensemble",
                "1");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).as("no epoch ran").doesNotContain("epoch");
        assertThat(err.toString())
                .isEqualTo("--out " + model + ": is not empty; give a new or empty folder "
                        + "(nothing in it is overwritten)\n");
        assertThat(Files.readString(model.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void trainingThatDivergesExitsOneWithOneLine() {
        CommandLine cli = new CommandLine(new HealthCommand());
        CommandLine train = cli.getSubcommands().get("train");
        train.setErr(new PrintWriter(err, true));

        int code = HealthCommand.guarded(train.getCommandSpec(), () -> {
            throw new TrainingDivergedException(
                    "training diverged: member 1/3 epoch 2 batch 5 training loss NaN "
                            + "again after 3 recoveries (learning rate down to 1.25e-04, first at epoch 2 batch 4 training "
                            + "loss NaN)",
                    List.of());
        });

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .hasLineCount(1)
                .isEqualTo("health train: training diverged: member 1/3 epoch 2 "
                        + "batch 5 training loss NaN again after 3 recoveries (learning rate down to 1.25e-04, first at epoch "
                        + "2 batch 4 training loss NaN); nothing was saved\n");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new HealthCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
