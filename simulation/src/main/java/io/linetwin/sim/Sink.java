package io.linetwin.sim;

/** Absorbs parts instantly: they leave the line as good parts. */
final class Sink implements Downstream {

    private final Model model;

    Sink(Model model) {
        this.model = model;
    }

    @Override
    public boolean canAccept() {
        return true;
    }

    @Override
    public void accept(Part part) {
        model.leaveGood(part);
    }
}
