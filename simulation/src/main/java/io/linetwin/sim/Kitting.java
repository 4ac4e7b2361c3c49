package io.linetwin.sim;

/**
 * The staging area of an assembly: one place per unit of its bill of materials ({@code count} parts of each
 * input). Each input buffer offers parts to its own {@link Port}; once every input is complete and the
 * assembly has an idle server, the kit is handed over: the first part of the first input goes on as the
 * assembled part (keeping its product and release time), the others are assembled into it and leave the
 * line's work in process. Then the inputs refill the staging area. Staged parts count as work in process.
 */
final class Kitting implements Upstream {

    private final Model model;
    private final String id;
    private final Part[][] staged;
    private final int[] stagedCount;
    private final Port[] ports;
    private Upstream[] inputs;
    private Machine assembly;
    private boolean handingOver;
    private boolean again;

    Kitting(Model model, String assemblyId, int[] counts) {
        this.model = model;
        this.id = assemblyId;
        this.staged = new Part[counts.length][];
        this.stagedCount = new int[counts.length];
        this.ports = new Port[counts.length];
        for (int i = 0; i < counts.length; i++) {
            staged[i] = new Part[counts[i]];
            ports[i] = new Port(i);
        }
    }

    void connect(Upstream[] inputBuffers, Machine assemblyMachine) {
        this.inputs = inputBuffers.clone();
        this.assembly = assemblyMachine;
        assemblyMachine.kitted();
    }

    Downstream port(int input) {
        return ports[input];
    }

    int inputCount() {
        return staged.length;
    }

    int staged(int input) {
        return stagedCount[input];
    }

    Part stagedPart(int input, int index) {
        return staged[input][index];
    }

    int partsHeld() {
        int held = 0;
        for (int count : stagedCount) {
            held += count;
        }
        return held;
    }

    /** Warm start: {@code part} waits in input {@code input}'s staging place; false when that input is full. */
    boolean restoreStage(int input, Part part) {
        if (stagedCount[input] == staged[input].length) {
            return false;
        }
        staged[input][stagedCount[input]++] = part;
        return true;
    }

    /** The assembly freed a server: hand over a complete kit, then let the inputs refill. */
    @Override
    public void roomAvailable() {
        handOver();
        for (Upstream input : inputs) {
            input.roomAvailable();
        }
    }

    private boolean complete() {
        for (int i = 0; i < staged.length; i++) {
            if (stagedCount[i] < staged[i].length) {
                return false;
            }
        }
        return true;
    }

    /** Re-entrant calls (an input refilling during a hand-over) only ask for another round. */
    private void handOver() {
        if (handingOver) {
            again = true;
            return;
        }
        handingOver = true;
        try {
            do {
                again = false;
                while (complete() && assembly.canAccept()) {
                    Part base = staged[0][0];
                    for (int i = 0; i < staged.length; i++) {
                        for (int j = 0; j < staged[i].length; j++) {
                            if (i > 0 || j > 0) {
                                assembly.flows().assembled(staged[i][j]);
                                model.assemble(staged[i][j], base, id);
                            }
                            staged[i][j] = null;
                        }
                        stagedCount[i] = 0;
                    }
                    model.remake(base, id);
                    assembly.accept(base);
                    for (Upstream input : inputs) {
                        input.roomAvailable();
                    }
                }
            } while (again);
        } finally {
            handingOver = false;
        }
    }

    /** Where one input's buffer delivers. */
    private final class Port implements Downstream {

        private final int input;

        Port(int input) {
            this.input = input;
        }

        @Override
        public boolean canAccept() {
            return stagedCount[input] < staged[input].length;
        }

        @Override
        public void accept(Part part) {
            assembly.flows().in(part);
            staged[input][stagedCount[input]++] = part;
            handOver();
        }
    }
}
