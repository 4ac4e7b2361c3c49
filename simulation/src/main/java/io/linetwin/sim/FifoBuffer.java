package io.linetwin.sim;

/**
 * A FIFO buffer between two stations. Its capacity counts waiting parts only: a part passes straight on when
 * the buffer is empty and the next station has a free server, so capacity 0 is a direct hand-over.
 */
final class FifoBuffer extends Buffer {

    private final Model model;
    private final int capacity;
    private final PartQueue waiting = new PartQueue();

    FifoBuffer(Model model, String id, int capacity) {
        super(id, model.productCount());
        this.model = model;
        this.capacity = capacity;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int level() {
        return waiting.size();
    }

    /** The {@code index}-th waiting part from the front. */
    @Override
    public Part waiting(int index) {
        return waiting.get(index);
    }

    /** Warm start: {@code part} waits at the back, without being offered on. */
    @Override
    public void restore(Part part) {
        if (waiting.size() >= capacity) {
            throw new IllegalArgumentException("buffer " + id() + " holds at most " + capacity + " parts, got more");
        }
        waiting.add(part);
    }

    @Override
    public boolean canAccept() {
        return waiting.size() < capacity || (waiting.isEmpty() && downstream().canAccept());
    }

    @Override
    public void accept(Part part) {
        flows().in(part);
        if (waiting.isEmpty() && downstream().canAccept()) {
            flows().out(part);
            downstream().accept(part);
            return;
        }
        if (waiting.size() >= capacity) {
            throw new IllegalStateException("buffer " + id() + " level must stay <= " + capacity + ", got a part more");
        }
        if (model.tracing()) {
            model.traceMove(part, id());
        }
        waiting.add(part);
    }

    @Override
    public void roomAvailable() {
        while (!waiting.isEmpty() && downstream().canAccept()) {
            Part part = waiting.poll();
            flows().out(part);
            downstream().accept(part);
        }
        upstream().roomAvailable();
    }
}
