package io.linetwin.app.health;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The models LineTwin ships, {@code assets/models/<scenario name>/<machine>/} in the source tree (see
 * {@code assets/models/README.md}): found from where the app's classes are (a jar in {@code app/target} or the
 * classes folder), walking up to the folder that holds {@code assets/models}.
 */
final class ShippedModels {

    static final String FOLDER = "assets/models";

    private ShippedModels() {}

    /** The shipped models' folder, if this installation has one. */
    static Optional<Path> root() {
        try {
            Path here = Path.of(ShippedModels.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path dir = here; dir != null; dir = dir.getParent()) {
                Path models = dir.resolve(FOLDER);
                if (Files.isDirectory(models)) {
                    return Optional.of(models);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source to start from: there are no shipped models to find.
        }
        return Optional.empty();
    }

    /** The shipped model of {@code machine} of scenario {@code scenarioName}, if there is one. */
    static Optional<Path> of(String scenarioName, String machine) {
        return root().map(r -> r.resolve(scenarioName).resolve(machine))
                .filter(dir -> Files.isRegularFile(dir.resolve("health-model.json")));
    }
}
