package io.linetwin.sim;

/** Absorbs parts instantly: they leave the line as good parts. */
final class Sink implements Downstream {

    private final Model model;
    private final String id;

    Sink(Model model, String id) {
        this.model = model;
        this.id = id;
    }

    @Override
    public boolean canAccept() {
        return true;
    }

    @Override
    public void accept(Part part) {
        if (model.tracing()) {
            model.traceMove(part, id);
        }
        model.leaveGood(part, id);
    }
}
