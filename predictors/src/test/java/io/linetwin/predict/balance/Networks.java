package io.linetwin.predict.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-made flow networks whose reconciliation is known on paper. */
final class Networks {

    private Networks() {}

    /** Streams s1..sN at one node each ({@code node i}), constraints given as rows of coefficients over them. */
    static FlowNetwork of(int streams, double[]... rows) {
        List<Stream> list = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            list.add(new Stream("s" + (i + 1), "n", NodeKind.MACHINE, StreamRole.IN, "", ""));
            all.add(i);
        }
        List<Constraint> constraints = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            List<Term> terms = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                if (rows[r][i] != 0) {
                    terms.add(new Term(i, rows[r][i]));
                }
            }
            constraints.add(new Constraint("c" + (r + 1), ConstraintKind.BALANCE, "n", terms));
        }
        return new FlowNetwork(
                "test:line", List.of(), list, constraints, List.of(new Node("n", NodeKind.MACHINE, all, List.of())));
    }

    /** s1 -> n1 -> s2 -> n2 -> s3. */
    static FlowNetwork chain() {
        return of(3, new double[] {1, -1, 0}, new double[] {0, 1, -1});
    }

    /** n1 splits s1 into s2 and s3. */
    static FlowNetwork splitter() {
        return of(3, new double[] {1, -1, -1});
    }

    /** A recycle: n1 mixes feed s1 and recycle s4 into s2; n2 splits s2 into product s3 and s4. */
    static FlowNetwork recycle() {
        return of(4, new double[] {1, -1, 0, 1}, new double[] {0, 1, -1, -1});
    }

    /** s1 splits into parallel units s2 -> s4 and s3 -> s5, which join into s6. */
    static FlowNetwork parallel() {
        return of(
                6,
                new double[] {1, -1, -1, 0, 0, 0},
                new double[] {0, 1, 0, -1, 0, 0},
                new double[] {0, 0, 1, 0, -1, 0},
                new double[] {0, 0, 0, 1, 1, -1});
    }

    static MeasurementSet measure(FlowNetwork network, double[] values, double[] sds) {
        List<Measurement> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                list.add(new Measurement(network.stream(i).id(), values[i], sds[i]));
            }
        }
        return MeasurementSet.of(network, list);
    }

    /**
     * A random network: {@code nodes} nodes with streams between them (a spanning chain plus extra edges, some
     * from and to the outside), each node conserving flow; some constraints carry bill-of-materials factors and
     * some nodes are listed twice, so the set is rank-deficient.
     */
    static FlowNetwork random(Random random, int nodes, int extraEdges) {
        List<int[]> edges = new ArrayList<>();
        edges.add(new int[] {-1, 0});
        for (int n = 1; n < nodes; n++) {
            edges.add(new int[] {random.nextInt(n), n});
        }
        for (int e = 0; e < extraEdges; e++) {
            int from = random.nextInt(nodes + 1) - 1;
            int to = random.nextInt(nodes + 1) - 1;
            if (from != to) {
                edges.add(new int[] {from, to});
            }
        }
        edges.add(new int[] {nodes - 1, -1});
        int streams = edges.size();
        List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            double[] row = new double[streams];
            double factor = random.nextInt(5) == 0 ? 1 + random.nextInt(12) : 1;
            boolean any = false;
            for (int e = 0; e < streams; e++) {
                if (edges.get(e)[1] == n) {
                    row[e] += factor;
                    any = true;
                }
                if (edges.get(e)[0] == n) {
                    row[e] -= 1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
                if (random.nextInt(6) == 0) {
                    rows.add(row.clone());
                }
            }
        }
        return of(streams, rows.toArray(new double[0][]));
    }
}
