package io.linetwin.scenario;

/** Small scenario texts for tests. */
final class Scenarios {

    private Scenarios() {}

    /** Source, one machine with {@code process}, sink; {@code extra} is appended at the top level. */
    static String oneMachine(String process, String extra) {
        return """
                schema: linetwin/v1
                name: one-machine
                line:
                  stations:
                    - { id: src, kind: source, supply: unlimited }
                    - { id: m, kind: machine, process: %s }
                    - { id: out, kind: sink }
                  buffers:
                    - { id: b1, from: src, to: m, capacity: 5 }
                    - { id: b2, from: m, to: out, capacity: 5 }
                """.formatted(process) + extra;
    }
}
