package io.linetwin.loop.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.loop.Change;
import io.linetwin.loop.whatif.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A proposal's file ({@code proposals/P3.json}) and the parts of it that other documents reuse (the summary JSON, the
 * audit entries). Field order is fixed, so the evidence hash over {@link #evidenceContent} is reproducible.
 */
public final class ProposalJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ProposalJson() {}

    public static ObjectNode toJson(Proposal p) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", p.id());
        json.put("status", p.status().json());
        json.put("createdAt", p.createdAt().toString());
        claims(json, p);
        json.set("change", changeMap(p));
        json.put("evidenceHash", p.evidenceHash());
        p.approval().ifPresent(a -> {
            ObjectNode approval = json.putObject("approval");
            approval.put("by", a.by());
            approval.put("at", a.at().toString());
            approval.put("evidenceHash", a.evidenceHash());
            approval.put("automatic", a.automatic());
        });
        p.rejection().ifPresent(r -> {
            ObjectNode rejection = json.putObject("rejection");
            rejection.put("by", r.by());
            rejection.put("at", r.at().toString());
            rejection.put("reason", r.reason());
        });
        p.refusal().ifPresent(r -> json.put("refusal", r));
        ArrayNode commands = json.putArray("commands");
        p.commands().forEach(c -> commands.add(command(c)));
        p.dryRunAt().ifPresent(t -> json.put("dryRunAt", t.toString()));
        p.confirmedAt().ifPresent(t -> json.put("confirmedAt", t.toString()));
        p.failure().ifPresent(f -> json.put("failure", f));
        p.rollbackOf().ifPresent(r -> json.put("rollbackOf", r));
        p.rollback().ifPresent(r -> json.put("rollback", r));
        return json;
    }

    /** {@code {"stations.filler.parameters.speed": 1.1}}. */
    public static ObjectNode changeMap(Proposal p) {
        ObjectNode map = MAPPER.createObjectNode();
        p.changeMap().forEach(map::put);
        return map;
    }

    public static ObjectNode effect(Effect e) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("kpi", e.kpi());
        json.put("mean", e.mean());
        json.put("ciLow", e.ciLow());
        json.put("ciHigh", e.ciHigh());
        json.put("relative", e.relative());
        return json;
    }

    public static ObjectNode command(CommandRecord c) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("commandId", c.commandId());
        json.put("thingId", c.thingId());
        json.put("station", c.station());
        json.put("parameter", c.parameter());
        json.put("value", c.value());
        json.put("previous", c.previous());
        json.put("intentAt", c.intentAt().toString());
        c.sentAt().ifPresent(t -> json.put("sentAt", t.toString()));
        c.sentAtLine().ifPresent(t -> json.put("sentAtLine", t.toString()));
        return json;
    }

    /** What the evidence hash covers: what was proposed and why, not what happened to it since. */
    static ObjectNode evidenceContent(Proposal p) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", p.id());
        claims(json, p);
        p.rollbackOf().ifPresent(r -> json.put("rollbackOf", r));
        return json;
    }

    /** What the proposal claims and rests on: name, origin, changes, effects, prediction, evidence. */
    private static void claims(ObjectNode json, Proposal p) {
        json.put("name", p.name());
        json.put("origin", p.origin());
        json.set("changes", changes(p.changes()));
        p.effect().ifPresentOrElse(e -> json.set("effect", effect(e)), () -> json.putNull("effect"));
        ObjectNode guards = json.putObject("guards");
        p.guards().forEach((kpi, e) -> guards.set(kpi, effect(e)));
        p.prediction().ifPresentOrElse(pr -> json.set("prediction", prediction(pr)), () -> json.putNull("prediction"));
        json.set("evidence", evidence(p.evidence()));
    }

    private static ArrayNode changes(List<Change> changes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Change c : changes) {
            ObjectNode json = array.addObject();
            json.put("station", c.station());
            json.put("parameter", c.parameter());
            json.put("from", c.from());
            json.put("to", c.to());
        }
        return array;
    }

    private static ObjectNode prediction(Prediction p) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("kpi", p.kpi());
        json.put("mean", p.mean());
        json.put("sd", p.sd());
        json.put("n", p.n());
        json.put("lookAheadSeconds", p.lookAheadSeconds());
        return json;
    }

    private static ObjectNode evidence(Evidence e) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("seed", e.seed());
        json.put("scenarioSha256", e.scenarioHash());
        json.put("snapshotAt", e.snapshotAt().toString());
        json.put("lookAheadSeconds", e.lookAheadSeconds());
        json.put("replications", e.replications());
        json.put("trigger", e.trigger());
        ObjectNode revisions = json.putObject("revisions");
        e.revisions().forEach(revisions::put);
        return json;
    }

    public static Proposal fromJson(JsonNode json) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : required(json, "changes")) {
            changes.add(new Change(text(c, "station"), text(c, "parameter"), number(c, "from"), number(c, "to")));
        }
        Map<String, Effect> guards = new LinkedHashMap<>();
        json.path("guards").fields().forEachRemaining(f -> guards.put(f.getKey(), effect(f.getValue())));
        List<CommandRecord> commands = new ArrayList<>();
        for (JsonNode c : json.path("commands")) {
            commands.add(new CommandRecord(
                    text(c, "commandId"),
                    text(c, "thingId"),
                    text(c, "station"),
                    text(c, "parameter"),
                    number(c, "value"),
                    number(c, "previous"),
                    instant(c, "intentAt"),
                    optionalInstant(c, "sentAt"),
                    optionalInstant(c, "sentAtLine")));
        }
        JsonNode e = required(json, "evidence");
        Map<String, Long> revisions = new LinkedHashMap<>();
        e.path("revisions")
                .fields()
                .forEachRemaining(f -> revisions.put(f.getKey(), f.getValue().asLong()));
        Evidence evidence = new Evidence(
                e.path("seed").asLong(),
                text(e, "scenarioSha256"),
                instant(e, "snapshotAt"),
                revisions,
                number(e, "lookAheadSeconds"),
                e.path("replications").asInt(),
                text(e, "trigger"));
        Optional<Approval> approval = Optional.ofNullable(json.get("approval"))
                .map(a -> new Approval(
                        text(a, "by"),
                        instant(a, "at"),
                        text(a, "evidenceHash"),
                        a.path("automatic").asBoolean(false)));
        Optional<Rejection> rejection = Optional.ofNullable(json.get("rejection"))
                .map(r -> new Rejection(text(r, "by"), instant(r, "at"), text(r, "reason")));
        return new Proposal(
                text(json, "id"),
                instant(json, "createdAt"),
                text(json, "name"),
                text(json, "origin"),
                changes,
                present(json, "effect").map(ProposalJson::effect),
                guards,
                present(json, "prediction").map(ProposalJson::prediction),
                evidence,
                text(json, "evidenceHash"),
                ProposalStatus.fromJson(text(json, "status")),
                approval,
                rejection,
                optionalText(json, "refusal"),
                commands,
                optionalInstant(json, "dryRunAt"),
                optionalInstant(json, "confirmedAt"),
                optionalText(json, "failure"),
                optionalText(json, "rollbackOf"),
                optionalText(json, "rollback"));
    }

    private static Effect effect(JsonNode e) {
        return new Effect(
                text(e, "kpi"), number(e, "mean"), number(e, "ciLow"), number(e, "ciHigh"), number(e, "relative"));
    }

    private static Prediction prediction(JsonNode p) {
        return new Prediction(
                text(p, "kpi"), number(p, "mean"), number(p, "sd"), p.path("n").asInt(), number(p, "lookAheadSeconds"));
    }

    private static Optional<JsonNode> present(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, got " + value);
        }
        return value.asText();
    }

    private static double number(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + value);
        }
        return value.asDouble();
    }

    private static Instant instant(JsonNode json, String field) {
        return Instant.parse(text(json, field));
    }

    private static Optional<Instant> optionalInstant(JsonNode json, String field) {
        return present(json, field).map(v -> Instant.parse(v.asText()));
    }

    private static Optional<String> optionalText(JsonNode json, String field) {
        return present(json, field).map(JsonNode::asText);
    }
}
