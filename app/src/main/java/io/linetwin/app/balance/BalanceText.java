package io.linetwin.app.balance;

import io.linetwin.predict.balance.BalanceReport;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.GlobalTest;
import io.linetwin.predict.balance.MeasurementSet;
import io.linetwin.predict.balance.NodeClosure;
import io.linetwin.predict.balance.Reconciliation;
import io.linetwin.predict.balance.StreamClass;
import io.linetwin.predict.balance.Suspect;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The balance report as text: streams, node closures, the global test, suspects, unobservable streams. */
public final class BalanceText {

    private BalanceText() {}

    public static void print(PrintWriter out, BalanceContext context, BalanceReport report) {
        FlowNetwork network = report.network();
        MeasurementSet measurements = report.measurements();
        out.printf(
                Locale.ROOT,
                "%s · material balance · %d of %d streams measured · alpha %s%n",
                context.scenario(),
                measurements.count(),
                network.size(),
                number(report.alpha()));
        context.csv().ifPresent(csv -> out.println("measurements: " + csv));
        if (context.twinBefore().isPresent()) {
            out.printf(
                    Locale.ROOT,
                    "twin snapshots: %s (%s) -> %s (%s), %s%n",
                    context.twinBefore().get(),
                    context.from().orElseThrow(),
                    context.twinAfter().orElseThrow(),
                    context.to().orElseThrow(),
                    duration(Duration.between(context.from().get(), context.to().get())));
            out.println("accuracy: " + context.accuracy().orElseThrow()
                    + (context.defaultAccuracy() ? " (defaults; --accuracy FILE to change)" : ""));
            context.notes().forEach(note -> out.println("note: " + note));
        }
        out.println();
        streams(out, context, report);
        out.println();
        closures(out, report.reconciled());
        out.println();
        tests(out, report);
    }

    private static void streams(PrintWriter out, BalanceContext context, BalanceReport report) {
        FlowNetwork network = report.network();
        MeasurementSet measurements = report.measurements();
        Reconciliation initial = report.initial();
        Reconciliation last = report.reconciled();
        out.printf(
                Locale.ROOT,
                "%-34s %-14s %12s %9s %12s %9s %10s %7s  %s%n",
                "stream",
                "class",
                "measured",
                "sd",
                "reconciled",
                "sd",
                "adjustment",
                "z",
                "flag");
        List<String> unobservable = new ArrayList<>();
        for (int v = 0; v < network.size(); v++) {
            String id = network.stream(v).id();
            StreamClass streamClass = initial.streamClass(v);
            if (streamClass == StreamClass.UNOBSERVABLE) {
                unobservable.add(id);
                continue;
            }
            boolean measured = measurements.measured(v);
            Suspect suspect = report.suspects().stream()
                    .filter(s -> s.stream().equals(id))
                    .findFirst()
                    .orElse(null);
            double z = suspect != null ? suspect.standardised() : last.standardised(v);
            String flag = suspect != null ? "GROSS ERROR" : context.origins().getOrDefault(id, "");
            out.printf(
                    Locale.ROOT,
                    "%-34s %-14s %12s %9s %12s %9s %10s %7s  %s%n",
                    id,
                    streamClass.jsonName(),
                    measured ? count(measurements.value(v)) : "",
                    measured ? count(measurements.sd(v)) : "",
                    count(last.estimate(v)),
                    count(last.sd(v)),
                    measured ? signed(last.estimate(v) - measurements.value(v)) : "",
                    Double.isNaN(z) ? "" : String.format(Locale.ROOT, "%.2f", z),
                    flag);
        }
        if (!unobservable.isEmpty()) {
            out.println();
            out.println(unobservable.size() + " unobservable streams (no value: the measurements do not determine "
                    + "them): " + String.join(", ", unobservable));
        }
    }

    private static void closures(PrintWriter out, Reconciliation reconciled) {
        out.printf(
                Locale.ROOT,
                "%-22s %-10s %16s %14s  %s%n",
                "node",
                "kind",
                "closure before",
                "after",
                "(in - out - scrapped - assembled - change of stock)");
        for (NodeClosure closure : NodeClosure.of(reconciled)) {
            String before =
                    closure.before().isPresent() ? signed(closure.before().getAsDouble()) : "-";
            String after =
                    closure.after().isPresent() ? signed(clean(closure.after().getAsDouble())) : "-";
            String why = closure.unmeasured().isEmpty() ? "" : "unmeasured: " + String.join(", ", closure.unmeasured());
            out.printf(
                    Locale.ROOT,
                    "%-22s %-10s %16s %14s  %s%n",
                    closure.node().id(),
                    closure.node().kind().jsonName(),
                    before,
                    after,
                    why);
        }
    }

    private static void tests(PrintWriter out, BalanceReport report) {
        GlobalTest initial = report.initialTest();
        out.println("global test: " + describe(initial, report.alpha()));
        boolean anyRedundant = false;
        for (int v = 0; v < report.network().size(); v++) {
            anyRedundant |= report.initial().streamClass(v) == StreamClass.REDUNDANT;
        }
        if (anyRedundant) {
            out.printf(
                    Locale.ROOT,
                    "measurement test: a redundant stream fails at |z| > %.2f (Sidak, family level " + "%s)%n",
                    report.measurementTestCritical(),
                    number(report.alpha()));
        } else {
            out.println("measurement test: no redundant stream to test");
        }
        if (report.suspects().isEmpty()) {
            out.println("suspects: none");
        } else {
            out.println("suspects (serial elimination, in the order named):");
            for (Suspect suspect : report.suspects()) {
                int v = report.network().indexOf(suspect.stream()).orElseThrow();
                out.printf(
                        Locale.ROOT,
                        "  %-32s z %7.2f   bias %s ± %s (measured %s, the others give %s)%s%n",
                        suspect.stream(),
                        suspect.standardised(),
                        signed(suspect.bias()),
                        count(suspect.biasSd()),
                        count(report.measurements().value(v)),
                        count(report.reconciled().estimate(v)),
                        suspect.indistinguishableFrom().isEmpty()
                                ? ""
                                : "; indistinguishable from " + String.join(", ", suspect.indistinguishableFrom()));
            }
            out.println("after taking them out: " + describe(report.finalTest(), report.alpha()));
        }
        out.printf(
                Locale.ROOT,
                "constraints: %d, largest residual after reconciliation %.1e%n",
                report.network().constraints().size(),
                report.reconciled().maxConstraintResidual());
        out.flush();
    }

    static String describe(GlobalTest test, double alpha) {
        if (test.degreesOfFreedom() == 0) {
            return "no redundancy (0 degrees of freedom): nothing to test";
        }
        return String.format(
                Locale.ROOT,
                "chi-square %.2f on %d degrees of freedom, critical %.2f at alpha %s " + "(p = %.3g): %s",
                test.statistic(),
                test.degreesOfFreedom(),
                test.critical(),
                number(alpha),
                test.pValue(),
                verdict(test));
    }

    static String verdict(GlobalTest test) {
        return test.rejects() ? "gross error" : "consistent";
    }

    private static String count(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%,.1f", value + 0.0);
    }

    private static String signed(double value) {
        return Math.abs(value) < 0.05 ? "0.0" : String.format(Locale.ROOT, "%+,.1f", value);
    }

    /** Rounding residue of a closure that holds prints as 0. */
    private static double clean(double value) {
        return Math.abs(value) < 5e-10 ? 0 : value;
    }

    private static String number(double value) {
        return String.valueOf(value);
    }

    private static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
