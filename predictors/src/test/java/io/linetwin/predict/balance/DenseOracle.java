package io.linetwin.predict.balance;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The textbook reconciliation with dense matrices (Commons Math), to check the sparse one against: the projection
 * P onto the left null space of A_u (from an SVD of A_u A_u'), the reduced constraints P A_m x_m = P b made
 * independent by an SVD, the closed form with H = B V B', and the unmeasured streams by the pseudo-inverse of
 * A_u with observability from its null space.
 */
final class DenseOracle {

    private static final double TOLERANCE = 1e-9;

    final double[] estimate;
    final double[] variance;
    final boolean[] observable;
    final double statistic;
    final int degreesOfFreedom;

    DenseOracle(MeasurementSet measurements) {
        FlowNetwork network = measurements.network();
        int n = network.size();
        int m = network.constraints().size();
        int[] measured = indices(n, v -> measurements.measured(v) && measurements.sd(v) > 0);
        int[] unknown = indices(n, v -> !measurements.measured(v));
        RealMatrix a = new Array2DRowRealMatrix(m, n);
        for (int r = 0; r < m; r++) {
            for (Term t : network.constraints().get(r).terms()) {
                a.setEntry(r, t.stream(), t.coefficient());
            }
        }
        RealVector b = new ArrayRealVector(m);
        for (int v = 0; v < n; v++) {
            if (measurements.measured(v) && measurements.sd(v) == 0) {
                b = b.subtract(a.getColumnVector(v).mapMultiply(measurements.value(v)));
            }
        }
        RealMatrix am = columns(a, measured);
        RealMatrix au = columns(a, unknown);
        RealMatrix p;
        if (unknown.length == 0) {
            p = MatrixUtils.createRealIdentityMatrix(m);
        } else {
            // The left null space of A_u: eigenvectors of A_u A_u' (m x m, so the SVD's U is complete) with
            // eigenvalue 0.
            SingularValueDecomposition gram = new SingularValueDecomposition(au.multiply(au.transpose()));
            double[] s = gram.getSingularValues();
            int rank = 0;
            while (rank < s.length && s[rank] > TOLERANCE * Math.max(1, s[0])) {
                rank++;
            }
            p = rank == m
                    ? new Array2DRowRealMatrix(1, m)
                    : gram.getU().getSubMatrix(0, m - 1, rank, m - 1).transpose();
        }
        RealMatrix bm = p.multiply(am);
        RealVector c = p.operate(b);
        double[] y = new double[measured.length];
        double[] var = new double[measured.length];
        for (int i = 0; i < measured.length; i++) {
            y[i] = measurements.value(measured[i]);
            var[i] = measurements.sd(measured[i]) * measurements.sd(measured[i]);
        }
        RealMatrix vm = MatrixUtils.createRealDiagonalMatrix(var);
        RealVector ym = new ArrayRealVector(y);
        RealVector xm = ym;
        RealMatrix cov = vm;
        double chi2 = 0;
        int dof = 0;
        if (bm.getRowDimension() > 0 && measured.length > 0) {
            SingularValueDecomposition svd = new SingularValueDecomposition(bm);
            double[] s = svd.getSingularValues();
            while (dof < s.length && s[dof] > TOLERANCE * Math.max(1, s[0])) {
                dof++;
            }
            if (dof > 0) {
                RealMatrix ur = svd.getU().getSubMatrix(0, bm.getRowDimension() - 1, 0, dof - 1);
                RealMatrix bk = ur.transpose().multiply(bm);
                RealVector ck = ur.transpose().operate(c);
                RealMatrix h = bk.multiply(vm).multiply(bk.transpose());
                RealMatrix hInv = MatrixUtils.inverse(h);
                RealVector residual = bk.operate(ym).subtract(ck);
                chi2 = residual.dotProduct(hInv.operate(residual));
                xm = ym.subtract(vm.multiply(bk.transpose()).operate(hInv.operate(residual)));
                cov = vm.subtract(
                        vm.multiply(bk.transpose()).multiply(hInv).multiply(bk).multiply(vm));
            }
        }
        statistic = chi2;
        degreesOfFreedom = dof;
        estimate = new double[n];
        variance = new double[n];
        observable = new boolean[n];
        java.util.Arrays.fill(estimate, Double.NaN);
        java.util.Arrays.fill(variance, Double.NaN);
        for (int v = 0; v < n; v++) {
            if (measurements.measured(v) && measurements.sd(v) == 0) {
                estimate[v] = measurements.value(v);
                variance[v] = 0;
                observable[v] = true;
            }
        }
        for (int i = 0; i < measured.length; i++) {
            estimate[measured[i]] = xm.getEntry(i);
            variance[measured[i]] = cov.getEntry(i, i);
            observable[measured[i]] = true;
        }
        if (unknown.length > 0) {
            SingularValueDecomposition svd = new SingularValueDecomposition(au);
            RealMatrix pinv = svd.getSolver().getInverse();
            RealVector rhs = b.subtract(measured.length > 0 ? am.operate(xm) : new ArrayRealVector(m));
            RealVector xu = pinv.operate(rhs);
            RealMatrix g = measured.length > 0 ? pinv.multiply(am).scalarMultiply(-1) : null;
            RealMatrix covU = g == null ? null : g.multiply(cov).multiply(g.transpose());
            double[] s = svd.getSingularValues();
            int rank = 0;
            while (rank < s.length && s[rank] > TOLERANCE * Math.max(1, s[0])) {
                rank++;
            }
            RealMatrix vFull = new SingularValueDecomposition(au.transpose().multiply(au)).getV();
            double[] sFull = new SingularValueDecomposition(au.transpose().multiply(au)).getSingularValues();
            for (int i = 0; i < unknown.length; i++) {
                boolean determined = true;
                for (int k = 0; k < sFull.length; k++) {
                    if (sFull[k] <= TOLERANCE * Math.max(1, sFull[0]) && Math.abs(vFull.getEntry(i, k)) > 1e-6) {
                        determined = false;
                    }
                }
                observable[unknown[i]] = determined;
                if (determined) {
                    estimate[unknown[i]] = xu.getEntry(i);
                    variance[unknown[i]] = covU == null ? 0 : covU.getEntry(i, i);
                }
            }
        }
    }

    private static int[] indices(int n, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, n).filter(keep).toArray();
    }

    private static RealMatrix columns(RealMatrix a, int[] columns) {
        RealMatrix out = new Array2DRowRealMatrix(a.getRowDimension(), Math.max(1, columns.length));
        for (int j = 0; j < columns.length; j++) {
            out.setColumnVector(j, a.getColumnVector(columns[j]));
        }
        return columns.length == 0 ? new Array2DRowRealMatrix(a.getRowDimension(), 1) : out;
    }
}
