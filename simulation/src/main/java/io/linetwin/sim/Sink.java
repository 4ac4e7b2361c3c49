package io.linetwin.sim;

/** Absorbs parts instantly: they leave the line as good parts. */
final class Sink implements Downstream {

    private final Model model;
    private final String id;
    private final PartFlows flows;

    Sink(Model model, String id) {
        this.model = model;
        this.id = id;
        this.flows = new PartFlows(model.productCount());
    }

    PartFlows flows() {
        return flows;
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
        flows.in(part);
        flows.out(part);
        model.leaveGood(part, id);
    }
}
