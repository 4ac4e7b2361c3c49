package io.linetwin.twin.sync;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A Kafka client properties file ({@code --kafka-config FILE}): the standard properties of Kafka's Java
 * clients, e.g. {@code security.protocol=SASL_SSL}, {@code sasl.mechanism=PLAIN}, {@code sasl.jaas.config=...},
 * {@code ssl.truststore.location=...}. Each property must be one that a Kafka consumer, producer or admin
 * client knows; the few LineTwin sets itself (serializers, offset commits, the bootstrap servers, which
 * {@code --kafka} gives) are refused, so that a file cannot quietly break the twin's delivery guarantees.
 */
public final class KafkaClientConfig {

    /** Properties LineTwin owns; the message says why. */
    private static final Map<String, String> OWNED = Map.of(
            "bootstrap.servers", "give the brokers with --kafka",
            "key.serializer", "LineTwin sets its serializers",
            "value.serializer", "LineTwin sets its serializers",
            "key.deserializer", "LineTwin sets its deserializers",
            "value.deserializer", "LineTwin sets its deserializers",
            "enable.auto.commit", "the twin commits offsets only after applying them",
            "group.id", "LineTwin names its consumer groups (see --group where a command has it)");

    private KafkaClientConfig() {}

    /** The file's properties, or a one-line reason naming the file, line and key. */
    public static Map<String, String> load(Path file) throws KafkaConfigException {
        if (!Files.isRegularFile(file)) {
            throw new KafkaConfigException(file + ": no such Kafka client properties file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new KafkaConfigException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new KafkaConfigException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(String.join("\n", lines)));
        } catch (IOException | IllegalArgumentException e) {
            throw new KafkaConfigException(file + ": not a properties file (" + e.getMessage() + ")");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            String where = file + ":" + lineOf(lines, key) + " " + key;
            String owned = OWNED.get(key);
            if (owned != null) {
                throw new KafkaConfigException(where + ": not allowed here, " + owned);
            }
            if (Set.of(KafkaSettings.Client.values()).stream().noneMatch(c -> c.knows(key))) {
                throw new KafkaConfigException(
                        where + ": not a property of Kafka's consumer, producer or admin client");
            }
            out.put(key, properties.getProperty(key).strip());
        }
        return out;
    }

    /** The line a key is set on (1-based); a properties file may continue lines, so this is the first match. */
    private static int lineOf(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.startsWith(key)
                    && line.length() > key.length()
                    && "=: \t".indexOf(line.charAt(key.length())) >= 0) {
                return i + 1;
            }
        }
        return 1;
    }
}
