package io.linetwin.predict.balance;

import java.util.Arrays;
import java.util.List;

/** The measurements of a network's streams: value and sd per measured stream, the others unmeasured. */
public final class MeasurementSet {

    private final FlowNetwork network;
    private final double[] values;
    private final double[] sds;

    private MeasurementSet(FlowNetwork network, double[] values, double[] sds) {
        this.network = network;
        this.values = values;
        this.sds = sds;
    }

    /** Measurements by stream id; an id the network lacks or a stream measured twice is an error. */
    public static MeasurementSet of(FlowNetwork network, List<Measurement> measurements) {
        double[] values = new double[network.size()];
        double[] sds = new double[network.size()];
        Arrays.fill(values, Double.NaN);
        Arrays.fill(sds, Double.NaN);
        for (Measurement m : measurements) {
            int index = network.indexOf(m.stream())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "stream must be one of the network's, got unknown stream '" + m.stream() + "'"));
            if (!Double.isNaN(values[index])) {
                throw new IllegalArgumentException("stream " + m.stream() + " must be measured once, got twice");
            }
            values[index] = m.value();
            sds[index] = m.sd();
        }
        return new MeasurementSet(network, values, sds);
    }

    public FlowNetwork network() {
        return network;
    }

    public boolean measured(int stream) {
        return !Double.isNaN(values[stream]);
    }

    /** The measured value, {@code NaN} when unmeasured. */
    public double value(int stream) {
        return values[stream];
    }

    /** The measurement's sd, {@code NaN} when unmeasured. */
    public double sd(int stream) {
        return sds[stream];
    }

    public int count() {
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        return count;
    }

    /** The same measurements less the one of {@code stream} (serial elimination of a suspect). */
    public MeasurementSet without(int stream) {
        double[] v = values.clone();
        double[] s = sds.clone();
        v[stream] = Double.NaN;
        s[stream] = Double.NaN;
        return new MeasurementSet(network, v, s);
    }

    public List<Measurement> list() {
        return java.util.stream.IntStream.range(0, values.length)
                .filter(this::measured)
                .mapToObj(i -> new Measurement(network.stream(i).id(), values[i], sds[i]))
                .toList();
    }
}
