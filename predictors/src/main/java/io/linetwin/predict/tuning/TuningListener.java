package io.linetwin.predict.tuning;

/** Told of a tuning run's progress after each batch of simulations, from the tuner's own thread. */
@FunctionalInterface
public interface TuningListener {

    TuningListener NONE = progress -> {};

    void progress(TuningProgress progress);
}
