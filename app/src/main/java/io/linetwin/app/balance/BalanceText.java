package io.linetwin.app.balance;

import io.linetwin.predict.balance.BalanceReport;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.GlobalTest;
import io.linetwin.predict.balance.MeasurementSet;
import io.linetwin.predict.balance.NodeClosure;
import io.linetwin.predict.balance.Reconciliation;
import io.linetwin.predict.balance.StreamClass;
import io.linetwin.predict.balance.Suspect;
import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.i18n.TextWidth;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The balance report as text: streams, node closures, the global test, suspects, unobservable streams. */
public final class BalanceText {

    private static final Messages ENGLISH = Messages.of(Lang.EN);

    private BalanceText() {}

    public static void print(PrintWriter out, BalanceContext context, BalanceReport report) {
        print(out, context, report, ENGLISH);
    }

    /** The report in {@code m}'s language; stream, node and file names stay as the scenario and the data give them. */
    public static void print(PrintWriter out, BalanceContext context, BalanceReport report, Messages m) {
        FlowNetwork network = report.network();
        MeasurementSet measurements = report.measurements();
        out.println(
                m.get("bal.header", context.scenario(), measurements.count(), network.size(), number(report.alpha())));
        context.csv().ifPresent(csv -> out.println(m.get("bal.measurements", csv)));
        if (context.twinBefore().isPresent()) {
            out.println(m.get(
                    "bal.twin",
                    context.twinBefore().get(),
                    context.from().orElseThrow(),
                    context.twinAfter().orElseThrow(),
                    context.to().orElseThrow(),
                    duration(Duration.between(context.from().get(), context.to().get()))));
            out.println(m.get("bal.accuracy", context.accuracy().orElseThrow())
                    + (context.defaultAccuracy() ? " " + m.get("bal.accuracyDefaults") : ""));
            context.notes().forEach(note -> out.println(m.get("bal.note", note)));
        }
        out.println();
        streams(out, context, report, m);
        out.println();
        closures(out, report.reconciled(), m);
        out.println();
        tests(out, report, m);
    }

    private static String streamRow(
            String stream,
            String streamClass,
            String measured,
            String measuredSd,
            String reconciled,
            String reconciledSd,
            String adjustment,
            String z,
            String flag) {
        return TextWidth.pad(stream, -34) + " " + TextWidth.pad(streamClass, -14) + " " + TextWidth.pad(measured, 12)
                + " " + TextWidth.pad(measuredSd, 9) + " " + TextWidth.pad(reconciled, 12) + " "
                + TextWidth.pad(reconciledSd, 9) + " " + TextWidth.pad(adjustment, 10) + " " + TextWidth.pad(z, 7)
                + "  " + flag;
    }

    private static void streams(PrintWriter out, BalanceContext context, BalanceReport report, Messages m) {
        FlowNetwork network = report.network();
        MeasurementSet measurements = report.measurements();
        Reconciliation initial = report.initial();
        Reconciliation last = report.reconciled();
        out.println(streamRow(
                m.get("bal.col.stream"),
                m.get("bal.col.class"),
                m.get("bal.col.measured"),
                m.get("bal.col.sd"),
                m.get("bal.col.reconciled"),
                m.get("bal.col.sd"),
                m.get("bal.col.adjustment"),
                "z",
                m.get("bal.col.flag")));
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
            String flag = suspect != null
                    ? m.get("bal.grossError")
                    : context.origins().getOrDefault(id, "");
            out.println(streamRow(
                    id,
                    m.get("bal.class." + streamClass.jsonName()),
                    measured ? count(measurements.value(v)) : "",
                    measured ? count(measurements.sd(v)) : "",
                    count(last.estimate(v)),
                    count(last.sd(v)),
                    measured ? signed(last.estimate(v) - measurements.value(v)) : "",
                    Double.isNaN(z) ? "" : String.format(Locale.ROOT, "%.2f", z),
                    flag));
        }
        if (!unobservable.isEmpty()) {
            out.println();
            out.println(m.get("bal.unobservable", unobservable.size(), String.join(", ", unobservable)));
        }
    }

    private static void closures(PrintWriter out, Reconciliation reconciled, Messages m) {
        out.println(closureRow(
                m.get("bal.col.node"),
                m.get("bal.col.kind"),
                m.get("bal.col.before"),
                m.get("bal.col.after"),
                m.get("bal.closureTerms")));
        for (NodeClosure closure : NodeClosure.of(reconciled)) {
            String before =
                    closure.before().isPresent() ? signed(closure.before().getAsDouble()) : "-";
            String after =
                    closure.after().isPresent() ? signed(clean(closure.after().getAsDouble())) : "-";
            String why = closure.unmeasured().isEmpty()
                    ? ""
                    : m.get("bal.unmeasured", String.join(", ", closure.unmeasured()));
            out.println(closureRow(closure.node().id(), closure.node().kind().jsonName(), before, after, why));
        }
    }

    private static String closureRow(String node, String kind, String before, String after, String why) {
        return TextWidth.pad(node, -22) + " " + TextWidth.pad(kind, -10) + " " + TextWidth.pad(before, 16) + " "
                + TextWidth.pad(after, 14) + "  " + why;
    }

    private static void tests(PrintWriter out, BalanceReport report, Messages m) {
        GlobalTest initial = report.initialTest();
        out.println(m.get("bal.globalTest", describe(initial, report.alpha(), m)));
        boolean anyRedundant = false;
        for (int v = 0; v < report.network().size(); v++) {
            anyRedundant |= report.initial().streamClass(v) == StreamClass.REDUNDANT;
        }
        if (anyRedundant) {
            out.println(m.get(
                    "bal.measurementTest",
                    String.format(Locale.ROOT, "%.2f", report.measurementTestCritical()),
                    number(report.alpha())));
        } else {
            out.println(m.get("bal.measurementTestNone"));
        }
        if (report.suspects().isEmpty()) {
            out.println(m.get("bal.suspectsNone"));
        } else {
            out.println(m.get("bal.suspects"));
            for (Suspect suspect : report.suspects()) {
                int v = report.network().indexOf(suspect.stream()).orElseThrow();
                out.println("  " + TextWidth.pad(suspect.stream(), -32) + " "
                        + m.get(
                                "bal.suspect",
                                String.format(Locale.ROOT, "%7.2f", suspect.standardised()),
                                signed(suspect.bias()),
                                count(suspect.biasSd()),
                                count(report.measurements().value(v)),
                                count(report.reconciled().estimate(v)),
                                suspect.indistinguishableFrom().isEmpty()
                                        ? ""
                                        : m.get(
                                                "bal.indistinguishable",
                                                String.join(", ", suspect.indistinguishableFrom()))));
            }
            out.println(m.get("bal.afterSuspects", describe(report.finalTest(), report.alpha(), m)));
        }
        out.println(m.get(
                "bal.constraints",
                report.network().constraints().size(),
                String.format(Locale.ROOT, "%.1e", report.reconciled().maxConstraintResidual())));
        out.flush();
    }

    static String describe(GlobalTest test, double alpha) {
        return describe(test, alpha, ENGLISH);
    }

    private static String describe(GlobalTest test, double alpha, Messages m) {
        if (test.degreesOfFreedom() == 0) {
            return m.get("bal.noRedundancy");
        }
        return m.get(
                "bal.chiSquare",
                String.format(Locale.ROOT, "%.2f", test.statistic()),
                test.degreesOfFreedom(),
                String.format(Locale.ROOT, "%.2f", test.critical()),
                number(alpha),
                String.format(Locale.ROOT, "%.3g", test.pValue()),
                verdict(test, m));
    }

    /** The verdict's JSON word (English always). */
    static String verdict(GlobalTest test) {
        return verdict(test, ENGLISH);
    }

    private static String verdict(GlobalTest test, Messages m) {
        return m.get(test.rejects() ? "bal.verdict.grossError" : "bal.verdict.consistent");
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
