import io.linetwin.predict.health.CmapssReader;
import io.linetwin.predict.health.CmapssSet;
import io.linetwin.predict.health.ModelKind;
import io.linetwin.predict.health.RulModel;
import io.linetwin.predict.health.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A short run of the best FD001 recipe (one member, EPOCHS epochs) that prints every epoch line and a SHA-256 of
 * the saved weights. With one thread and a fixed seed the hash must not depend on the memory the process was
 * given: nan-check.sh compares it across glibc's MALLOC_PERTURB_ settings and a NaN-filling malloc.
 *
 * <p>Usage: TrainHash DATA_DIR EPOCHS OUT_DIR
 */
public final class TrainHash {

    public static void main(String[] args) throws Exception {
        CmapssSet set = CmapssReader.load(Path.of(args[0]), "FD001");
        TrainingSettings settings = TrainingSettings.defaults().withMaxEpochs(Integer.parseInt(args[1]))
                .withEnsembleSize(1).withSeed(42).withAgeInput(true).withSmoothing(0.05).withPatience(8)
                .withBaseline(30, true);
        Path out = Path.of(args[2]);
        RulModel.Trained trained = RulModel.train(set.train(), set.operatingConditions(), ModelKind.CNN_LSTM,
                settings, System.out::println);
        try (RulModel model = trained.model()) {
            model.save(out);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(p -> p.toString().endsWith(".params")).sorted().toList();
        }
        for (Path file : files) {
            sha.update(Files.readAllBytes(file));
        }
        System.out.println("WEIGHTS " + HexFormat.of().formatHex(sha.digest()) + " recoveries "
                + trained.report().recoveries().size());
    }
}
