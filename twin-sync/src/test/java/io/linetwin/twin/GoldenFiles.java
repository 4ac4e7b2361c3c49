package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;

/** Golden files under src/test/resources/golden, rewritten only with -Dlinetwin.updateGolden=true. */
public final class GoldenFiles {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

    public static void assertMatches(String name, String json) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("linetwin.updateGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("golden file %s (regenerate with -Dlinetwin.updateGolden=true)", file)
                .exists();
        JsonValue expected = JsonFactory.readFrom(
                Files.readString(file, StandardCharsets.UTF_8).trim());
        assertThat(JsonFactory.readFrom(json)).as("JSON of %s", name).isEqualTo(expected);
    }
}
