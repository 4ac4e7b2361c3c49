package io.linetwin.app.health;

import io.linetwin.app.CliAccess;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Models of the wear test line ({@code health/wear-line.yaml}), trained by the tests that need them rather than
 * checked in: {@code health train --from-emulator} at the smallest settings that still learn the spindle's wear (200 h
 * of emulated line time, about 30 lives; one member, 4 epochs). No shipped model can stand in: the demo lines'
 * machines fail memorylessly, so their estimates do not fall as the machine ages, which is what these tests check.
 * Seeded and on one PyTorch thread, the same model every run; a few seconds of CPU each.
 */
public final class WearLineModels {

    private WearLineModels() {}

    /** The wear line's scenario file. */
    public static Path scenario() {
        try {
            return Path.of(
                    WearLineModels.class.getResource("/health/wear-line.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trains the model of {@code machine} into {@code dir}/{@code machine} and returns that folder. */
    public static Path train(Path dir, String machine) {
        Path out = dir.resolve(machine);
        long cpuBefore = processCpuNanos();
        CliAccess.Result result = CliAccess.run(
                "health",
                "train",
                "--from-emulator",
                scenario().toString(),
                "--machine",
                machine,
                "--emulate-for",
                "200h",
                "--epochs",
                "4",
                "--ensemble",
                "1",
                "--seed",
                "42",
                "--out",
                out.toString());
        if (result.exitCode() != 0) {
            throw new IllegalStateException("training the " + machine + " test model failed: " + result.err());
        }
        System.out.printf(
                Locale.ROOT,
                "wear-line %s test model trained in %.1f s of process CPU%n",
                machine,
                (processCpuNanos() - cpuBefore) / 1e9);
        return out;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }
}
