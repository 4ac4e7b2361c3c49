package io.linetwin.scenario;

/**
 * The kind of a scenario problem, with a stable id (like Ditto's error codes) that scripts and tools can match
 * on while the human message is free to improve. An id never changes meaning once released; a new kind of problem
 * gets a new constant. docs/problem-codes.md lists every id with its meaning (a test keeps the two equal).
 */
public enum ProblemCode {
    FILE_UNREADABLE("scenario.file.unreadable", "the file cannot be read, or its bytes are not UTF-8 text"),
    FILE_TOO_LARGE("scenario.file.too-large", "the file, or one word in it, is larger than a scenario may be"),
    YAML_SYNTAX(
            "scenario.yaml.syntax", "the text is not well-formed YAML, or nests or aliases deeper than a scenario may"),
    YAML_DUPLICATE_KEY("scenario.yaml.duplicate-key", "a mapping names the same key twice"),
    DOCUMENT_NOT_A_SCENARIO(
            "scenario.document.not-a-scenario", "the file is empty or not a mapping of schema, name and line"),
    SCHEMA_UNSUPPORTED("scenario.schema.unsupported", "the schema is not linetwin/v1"),
    KEY_MISSING("scenario.key.missing", "a required key is missing"),
    KEY_UNKNOWN("scenario.key.unknown", "a key the schema does not know (the message names the nearest one)"),
    KEY_NOT_APPLICABLE("scenario.key.not-applicable", "a key that does not apply to this kind of station"),
    KEY_NOT_SUPPORTED_YET("scenario.key.not-supported-yet", "a key reserved for a later version"),
    KEY_CONFLICT(
            "scenario.key.conflict", "keys that exclude each other are both given, or neither of two alternatives is"),
    STATION_PROCESS_MISSING(
            "scenario.station.process-missing", "a machine or assembly has no processing time (process)"),
    STATION_INPUTS_MISSING("scenario.station.inputs-missing", "an assembly has no inputs"),
    VALUE_TYPE("scenario.value.type", "a value of the wrong type: a text, number, list or mapping was expected"),
    VALUE_UNKNOWN_CHOICE("scenario.value.unknown-choice", "a value outside a fixed set of words"),
    VALUE_FORMAT(
            "scenario.value.format",
            "a value not written as expected: a duration, length or speed with its unit, a date, time of day, days,"
                    + " id or unit name"),
    VALUE_OUT_OF_RANGE("scenario.value.out-of-range", "a number or time outside the range the key allows"),
    VALUE_OVER_LIMIT("scenario.value.over-limit", "a value or list larger than the limit of what runs"),
    VALUE_EMPTY("scenario.value.empty", "a list or mapping that needs at least one entry is empty"),
    VALUE_INVALID(
            "scenario.value.invalid",
            "values that are each fine but do not fit together (e.g. a uniform distribution's max below its min)"),
    DISTRIBUTION_PARAMETERS("scenario.distribution.parameters", "a distribution given parameters it does not take"),
    ID_DUPLICATE("scenario.id.duplicate", "an id or name used twice where it must be unique"),
    ID_RESERVED("scenario.id.reserved", "a name the scenario reserves (the variant name baseline)"),
    REFERENCE_UNKNOWN_STATION("scenario.reference.unknown-station", "a reference to a station the line lacks"),
    REFERENCE_UNKNOWN_BUFFER(
            "scenario.reference.unknown-buffer", "a reference to a buffer (link) the line or station lacks"),
    REFERENCE_UNKNOWN_PRODUCT("scenario.reference.unknown-product", "a reference to a product the line lacks"),
    REFERENCE_UNKNOWN_MATERIAL("scenario.reference.unknown-material", "a reference to a material the line lacks"),
    REFERENCE_UNKNOWN_NODE("scenario.reference.unknown-node", "a reference to a node the AGV path graph lacks"),
    REFERENCE_UNKNOWN_PATH(
            "scenario.reference.unknown-path",
            "a variant's or tuning variable's path that names no settable value of the line"),
    TOPOLOGY_LINK(
            "scenario.topology.link",
            "a buffer, conveyor or move joins stations in a way the line cannot run (into a source, out of a sink,"
                    + " a station to itself, a second outbound link without routes)"),
    TOPOLOGY_ROUTES("scenario.topology.routes", "routes that do not match a station's outbound links"),
    TOPOLOGY_BATCH_OUTBOUND(
            "scenario.topology.batch-outbound",
            "a batch station with a second outbound link (it unloads into one and takes no routes)"),
    TOPOLOGY_ASSEMBLY_INPUTS(
            "scenario.topology.assembly-inputs", "an assembly's inputs that do not match its inbound buffers"),
    TOPOLOGY_LOOP("scenario.topology.loop", "the line loops without a quality gate to let parts out"),
    TRANSPORT_PATHS(
            "scenario.transport.paths",
            "AGV paths that cannot serve the moves (a station without a node, a disconnected graph, a distance"
                    + " given beside paths)"),
    RUN_UNBOUNDED(
            "scenario.run.unbounded",
            "the line would make or move parts without end at one instant (nothing that takes time paces it)"),
    RUN_TOO_LARGE("scenario.run.too-large", "the experiment would need more events than the limit of what runs"),
    OUTPUT_NOT_A_RELEASE_POINT(
            "scenario.output.not-a-release-point",
            "an output unit named for a station that makes no new unit (not a source, release point or assembly)"),
    TUNING_OBJECTIVE("scenario.tuning.objective", "tuning keys that do not fit the chosen objective"),
    TUNING_VARIABLE(
            "scenario.tuning.variable", "a tuning variable's bounds that the line cannot take, or that have no base"),
    TUNING_INFEASIBLE("scenario.tuning.infeasible", "tuning constraints that no setting of the variables meets"),
    LAYOUT_OVERLAP("scenario.layout.overlap", "two pieces of equipment placed on the same floor (validate)");

    private final String id;
    private final String meaning;

    ProblemCode(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    /** The stable id, e.g. {@code scenario.yaml.syntax}. */
    public String id() {
        return id;
    }

    /** What the problem means, one line, as docs/problem-codes.md says it. */
    public String meaning() {
        return meaning;
    }

    /** The code with id {@code id}, for tools that read problems back. */
    public static ProblemCode ofId(String id) {
        for (ProblemCode code : values()) {
            if (code.id.equals(id)) {
                return code;
            }
        }
        throw new IllegalArgumentException("problem code must be one of the ids in docs/problem-codes.md, got " + id);
    }
}
