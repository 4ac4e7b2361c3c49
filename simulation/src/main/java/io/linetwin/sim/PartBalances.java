package io.linetwin.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the part balance of every node (station, buffer, conveyor, AGV move) over the window: flows from
 * each block's {@link PartFlows}, stocks counted from what the block holds when the window opens and closes.
 */
final class PartBalances {

    /** Adds the parts a block holds now to {@code byProduct}. */
    interface Stock {
        void count(long[] byProduct);

        Stock NONE = byProduct -> {};
    }

    private record Node(String id, String kind, PartFlows flows, Stock stock) {}

    private final String[] productNames;
    private final List<Node> nodes = new ArrayList<>();
    private final List<long[]> stockAtStart = new ArrayList<>();

    PartBalances(String[] productNames) {
        this.productNames = productNames.clone();
    }

    void add(String id, String kind, PartFlows flows, Stock stock) {
        nodes.add(new Node(id, kind, flows, stock));
        stockAtStart.add(new long[productNames.length]);
    }

    static Stock of(Buffer buffer) {
        return byProduct -> {
            for (int i = 0; i < buffer.level(); i++) {
                byProduct[buffer.waiting(i).product()]++;
            }
        };
    }

    static Stock of(Machine machine, Kitting staging) {
        return byProduct -> {
            for (int i = 0; i < machine.serverCount(); i++) {
                Part part = machine.server(i).part();
                if (part != null) {
                    byProduct[part.product()]++;
                }
            }
            if (staging != null) {
                for (int input = 0; input < staging.inputCount(); input++) {
                    for (int i = 0; i < staging.staged(input); i++) {
                        byProduct[staging.stagedPart(input, i).product()]++;
                    }
                }
            }
        };
    }

    void openWindow() {
        for (Node node : nodes) {
            node.flows().openWindow();
        }
        countStartStock();
    }

    /**
     * Counts the stock at the window's start again: a warm start with no warm-up places its parts at the instant
     * the window opened, just after it did.
     */
    void countStartStock() {
        for (int i = 0; i < nodes.size(); i++) {
            long[] stock = new long[productNames.length];
            nodes.get(i).stock().count(stock);
            stockAtStart.set(i, stock);
        }
    }

    /** Node by node in the order added, each with one row per product. */
    List<PartBalance> result() {
        List<PartBalance> rows = new ArrayList<>(nodes.size() * productNames.length);
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            long[] end = new long[productNames.length];
            node.stock().count(end);
            for (int p = 0; p < productNames.length; p++) {
                rows.add(new PartBalance(
                        node.id(),
                        node.kind(),
                        productNames[p],
                        stockAtStart.get(i)[p],
                        node.flows().in(p),
                        node.flows().out(p),
                        node.flows().scrapped(p),
                        node.flows().assembled(p),
                        end[p]));
            }
        }
        return rows;
    }
}
