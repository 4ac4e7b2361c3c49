package io.linetwin.predict.health;

import ai.djl.engine.Engine;

/** DJL settings that must be in place before the PyTorch engine first loads. */
public final class HealthRuntime {

    public static final String ENGINE = "PyTorch";

    private HealthRuntime() {}

    /**
     * Offline, because engine start-up otherwise probes a cloud metadata address; one intra- and inter-op thread,
     * because two threads made epochs 10-30x slower on 2-core machines and one thread plus a seed gives identical
     * runs. Values already set on the command line win.
     */
    public static synchronized Engine engine() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // The CPU-only engine still asks for CUDA and logs a warning each start; it is noise on these machines.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "warn");
        return Engine.getEngine(ENGINE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
