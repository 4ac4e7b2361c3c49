package io.linetwin.sim;

/**
 * The AGV fleet over the statistics window: {@code utilization}, the share of vehicle time not idle (driving,
 * loading, waiting to unload, unloading, returning to park); {@code emptyTravelShare}, the share of vehicle
 * time driving without a part; {@code deliveries}, parts unloaded.
 */
public record TransportResult(int vehicles, double utilization, double emptyTravelShare, long deliveries) {

    public TransportResult {
        if (vehicles < 1) {
            throw new IllegalArgumentException("vehicles must be >= 1, got " + vehicles);
        }
        if (!(utilization >= -1e-9 && utilization <= 1 + 1e-9)
                || !(emptyTravelShare >= -1e-9 && emptyTravelShare <= utilization + 1e-9)) {
            throw new IllegalArgumentException("shares must satisfy 0 <= empty travel <= utilization <= 1, got "
                    + emptyTravelShare + " and " + utilization);
        }
    }
}
