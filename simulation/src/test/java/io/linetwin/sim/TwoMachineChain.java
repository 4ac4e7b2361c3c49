package io.linetwin.sim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The exact continuous-time Markov chain of two machines with exponential processing, operation-dependent
 * exponential failures and repairs, and a buffer of {@code bufferCapacity} between them (blocking after
 * service; M1 never starved, M2 never blocked). State: n = parts in the buffer and M2 plus one when M1 holds
 * a finished part (0..capacity + 2), and whether each machine is up. A machine can fail only while it
 * processes: M1 when n < capacity + 2, M2 when n >= 1. Solved as πQ = 0 with Σπ = 1.
 */
record TwoMachineChain(
        double mu1, double fail1, double repair1, double mu2, double fail2, double repair2, int bufferCapacity) {

    double throughput() {
        int top = bufferCapacity + 2;
        int states = (top + 1) * 4;
        RealMatrix q = new Array2DRowRealMatrix(states, states);
        for (int n = 0; n <= top; n++) {
            for (int up1 = 0; up1 <= 1; up1++) {
                for (int up2 = 0; up2 <= 1; up2++) {
                    int from = index(n, up1, up2);
                    boolean m1Processing = up1 == 1 && n < top;
                    boolean m2Processing = up2 == 1 && n >= 1;
                    if (m1Processing) {
                        add(q, from, index(n + 1, up1, up2), mu1);
                        add(q, from, index(n, 0, up2), fail1);
                    }
                    if (up1 == 0) {
                        add(q, from, index(n, 1, up2), repair1);
                    }
                    if (m2Processing) {
                        add(q, from, index(n - 1, up1, up2), mu2);
                        add(q, from, index(n, up1, 0), fail2);
                    }
                    if (up2 == 0) {
                        add(q, from, index(n, up1, 1), repair2);
                    }
                }
            }
        }
        RealMatrix a = q.transpose();
        RealVector b = new ArrayRealVector(states);
        // Replace one balance equation by the normalisation.
        for (int j = 0; j < states; j++) {
            a.setEntry(0, j, 1.0);
        }
        b.setEntry(0, 1.0);
        RealVector pi = new LUDecomposition(a).getSolver().solve(b);
        double throughput = 0;
        for (int n = 1; n <= top; n++) {
            throughput += mu2 * (pi.getEntry(index(n, 0, 1)) + pi.getEntry(index(n, 1, 1)));
        }
        return throughput;
    }

    private static int index(int n, int up1, int up2) {
        return n * 4 + up1 * 2 + up2;
    }

    private static void add(RealMatrix q, int from, int to, double rate) {
        q.addToEntry(from, to, rate);
        q.addToEntry(from, from, -rate);
    }
}
