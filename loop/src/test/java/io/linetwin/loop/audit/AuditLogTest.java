package io.linetwin.loop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AuditLogTest {

    @TempDir
    Path dir;

    private Path file;
    private AuditLog log;

    @BeforeEach
    void fiveEntries() throws IOException {
        file = dir.resolve("audit.jsonl");
        log = new AuditLog(file, Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC));
        for (int i = 1; i <= 5; i++) {
            ObjectNode fields = AuditLog.fields();
            fields.put("proposal", "P" + i);
            log.append("proposal", fields);
        }
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void anUntouchedLogIsIntactAndChainsEachEntryToThePrevious() throws IOException {
        AuditVerifier.Verification v = AuditVerifier.verify(file);

        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(v.headChecked()).isTrue();
        assertThat(log.read()).extracting(e -> e.get("seq").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(log.read().get(0).get("prev").asText()).isEqualTo(AuditLog.GENESIS);
        assertThat(log.read().get(1).get("prev").asText()).isEqualTo(Sha256.hex(lines().get(0)));
    }

    @Test
    void anEditedLineIsNamed() throws IOException {
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"P3\"", "\"P9\""));
        write(lines);

        AuditVerifier.Verification v = AuditVerifier.verify(file);

        assertThat(v.intact()).isFalse();
        assertThat(v.brokenLine()).hasValue(3);
        assertThat(v.problem()).startsWith("line 3: edited");
    }

    @Test
    void aRemovedLineIsNamedWhereTheGapIs() throws IOException {
        List<String> lines = lines();
        lines.remove(1);
        write(lines);

        AuditVerifier.Verification v = AuditVerifier.verify(file);

        assertThat(v.brokenLine()).hasValue(2);
        assertThat(v.problem()).contains("entry number 3 where 2 was expected");
    }

    @Test
    void reorderedLinesAreNamed() throws IOException {
        List<String> lines = lines();
        Collections.swap(lines, 3, 4);
        write(lines);

        assertThat(AuditVerifier.verify(file).brokenLine()).hasValue(4);
    }

    @Test
    void theHeadFileCatchesTheLastLineRemovedOrEdited() throws IOException {
        List<String> lines = lines();
        write(lines.subList(0, 4));
        AuditVerifier.Verification removed = AuditVerifier.verify(file);
        assertThat(removed.brokenLine()).hasValue(5);
        assertThat(removed.problem()).contains("missing: the head file records 5 entries, the log holds 4");

        lines.set(4, lines.get(4).replace("\"P5\"", "\"P6\""));
        write(lines);
        AuditVerifier.Verification edited = AuditVerifier.verify(file);
        assertThat(edited.brokenLine()).hasValue(5);
        assertThat(edited.problem()).contains("edited");
    }

    @Test
    void aFirstEntryWhosePrevIsNotGenesisIsBroken() throws IOException {
        List<String> lines = lines();
        lines.set(0, lines.get(0).replace(AuditLog.GENESIS, "1" + AuditLog.GENESIS.substring(1)));
        write(lines);

        assertThat(AuditVerifier.verify(file).brokenLine()).hasValue(1);
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndLoggedAtTheNextAppend() throws IOException {
        String torn = "{\"seq\":6,\"prev\":\"ab";
        Files.writeString(file, torn, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(AuditVerifier.verify(file).brokenLine()).hasValue(6);

        ObjectNode fields = AuditLog.fields();
        fields.put("proposal", "P6");
        log.append("proposal", fields);

        AuditVerifier.Verification v = AuditVerifier.verify(file);
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(log.read()).extracting(e -> e.get("type").asText()).endsWith("recovered", "proposal");
        assertThat(log.read().get(5).get("droppedBytes").asInt()).isEqualTo(torn.length());
    }

    @Test
    void withoutAHeadFileTheChainIsStillChecked() throws IOException {
        Files.delete(AuditLog.headOf(file));
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
        assertThat(AuditVerifier.verify(file).headChecked()).isFalse();

        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("proposal\",", "approval\","));
        write(lines);
        assertThat(AuditVerifier.verify(file).brokenLine()).hasValue(2);
    }
}
