package io.linetwin.predict.balance;

/**
 * What a stream of the flow network counts at its node, and how it enters the node's balance: inflows and the
 * stock at the start count positive, outflows, losses and the stock at the end negative.
 */
public enum StreamRole {
    /** Parts that entered the node (released, at a source or a machine without an inbound link). */
    IN("in", 1),
    /** Good parts that left the node (passed on, or out of the line at a sink or a machine without outbound link). */
    OUT("out", -1),
    /** Parts scrapped at a machine or an assembly. */
    SCRAPPED("scrapped", -1),
    /** Parts built into another part at an assembly. */
    ASSEMBLED("assembled", -1),
    /** Parts (or material units) held when the period starts. */
    STOCK_START("stock.start", 1),
    /** Parts (or material units) held when the period ends. */
    STOCK_END("stock.end", -1),
    /** Material units delivered to a store. */
    RECEIVED("received", 1),
    /** Material units taken from a store by operations. */
    CONSUMED("consumed", -1),
    /** Parts released into the line (the line boundary). */
    RELEASED("released", 0),
    /** Good parts that left the line (the line boundary). */
    FINISHED("finished", 0);

    private final String idPart;
    private final int sign;

    StreamRole(String idPart, int sign) {
        this.idPart = idPart;
        this.sign = sign;
    }

    /** The role as written in stream ids: {@code filler.<role>.half-litre}. */
    public String idPart() {
        return idPart;
    }

    /** The coefficient of the role in its node's balance: +1 in, -1 out, 0 for the boundary's definitions. */
    int balanceSign() {
        return sign;
    }
}
