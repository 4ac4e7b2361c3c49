package io.linetwin.sim;

/**
 * Where new parts enter the line: a source, or a machine without inbound buffer. A released part counts as in
 * the line from here (the model numbers it and its lead time starts) and as flowing into this block, so the
 * line's release tally and the block's part balance always agree.
 */
final class PartRelease {

    private final Model model;
    private final String block;
    private final ProductMix mix;
    private final PartFlows flows;
    private final int maker;

    /** Built once the model knows its makers (the replication assigns them before it builds any block). */
    PartRelease(Model model, String block, ProductMix mix, PartFlows flows) {
        this.model = model;
        this.block = block;
        this.mix = mix;
        this.flows = flows;
        this.maker = model.makerAt(block);
    }

    /** A new part of the product the mix draws now. */
    Part next() {
        return of(mix.draw());
    }

    /** A new part of {@code product}, drawn earlier (an arrival that waited for room). */
    Part of(int product) {
        Part part = model.release(product, block, maker);
        flows.in(part);
        return part;
    }
}
