package io.linetwin.predict.balance;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The global test: without gross errors the statistic {@code r' H^-1 r} of the reduced constraints' residuals is
 * chi-square with as many degrees of freedom as there are independent reduced constraints; it rejects above the
 * {@code 1 - alpha} quantile. With no degree of freedom there is nothing to test (p-value 1).
 */
public record GlobalTest(double statistic, int degreesOfFreedom, double critical, double pValue, boolean rejects) {

    public static GlobalTest of(Reconciliation reconciliation, double alpha) {
        int dof = reconciliation.degreesOfFreedom();
        double statistic = reconciliation.globalStatistic();
        if (dof == 0) {
            return new GlobalTest(statistic, 0, Double.NaN, 1, false);
        }
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, dof);
        double critical = chi2.inverseCumulativeProbability(1 - alpha);
        return new GlobalTest(
                statistic, dof, critical, 1 - chi2.cumulativeProbability(statistic), statistic > critical);
    }
}
