package io.linetwin.app.render;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Turns a PNG sequence into an mp4 with {@code ffmpeg} when it is on the PATH; nothing is installed. */
final class VideoEncoder {

    private VideoEncoder() {}

    static Optional<Path> ffmpeg() {
        return ffmpeg(System.getenv("PATH"));
    }

    /** {@code ffmpeg} on {@code path} (a PATH value), if it is there. */
    static Optional<Path> ffmpeg(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Why there is no mp4 beside the frames, and the command that makes one. */
    static String skipped(Path dir, int fps) {
        return "linetwin: no mp4: ffmpeg is not on the PATH; the frames are in " + dir + " (install ffmpeg, or run: "
                + "ffmpeg -framerate " + fps + " -i " + dir.resolve("frame-%05d.png") + " -pix_fmt yuv420p line.mp4)";
    }

    /** Encodes {@code dir/frame-%05d.png} at {@code fps} into {@code out}; returns whether it succeeded. */
    static boolean encode(Path ffmpeg, Path dir, int fps, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        ffmpeg.toString(),
                        "-y",
                        "-loglevel",
                        "error",
                        "-framerate",
                        Integer.toString(fps),
                        "-i",
                        dir.resolve("frame-%05d.png").toString(),
                        "-pix_fmt",
                        "yuv420p",
                        "-vf",
                        "pad=ceil(iw/2)*2:ceil(ih/2)*2",
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
