package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mangled scenarios must fail with positioned problems, never with an unexpected exception. */
final class ScenarioFuzzTest {

    private static final int CASES = 600;

    @Test
    void mutatedScenariosEitherLoadOrFailWithScenarioProblems() throws Exception {
        String valid = Files.readString(
                Path.of(getClass().getResource("/scenarios/bottling.yaml").toURI()));
        Random random = new Random(20240601L);
        int failed = 0;
        for (int i = 0; i < CASES; i++) {
            String mutated = mutate(valid, random);
            try {
                ScenarioLoader.parse(mutated, "fuzz.yaml");
            } catch (ScenarioException e) {
                failed++;
                assertThat(e.problems()).allSatisfy(p -> {
                    assertThat(p.line()).isPositive();
                    assertThat(p.column()).isPositive();
                    assertThat(p.message()).isNotBlank();
                });
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("case " + i + " threw " + e + " on:\n" + mutated, e);
            }
        }
        assertThat(failed).as("most mutations break the file").isGreaterThan(CASES / 3);
    }

    private static String mutate(String text, Random random) {
        String result = text;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            result = switch (random.nextInt(5)) {
                case 0 -> deleteLine(result, random);
                case 1 -> swapCharacters(result, random);
                case 2 -> result.substring(0, random.nextInt(result.length() + 1));
                case 3 -> replaceCharacter(result, random);
                default -> duplicateLine(result, random);
            };
        }
        return result;
    }

    private static String deleteLine(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String duplicateLine(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int index = random.nextInt(lines.size());
        lines.add(index, lines.get(index));
        return String.join("\n", lines);
    }

    private static String swapCharacters(String text, Random random) {
        if (text.length() < 2) {
            return text;
        }
        char[] chars = text.toCharArray();
        int i = random.nextInt(chars.length - 1);
        char swap = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = swap;
        return new String(chars);
    }

    private static String replaceCharacter(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        String alphabet = ":-{}[],&*!|>'\"#\t 0.sx";
        char[] chars = text.toCharArray();
        chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        return new String(chars);
    }
}
