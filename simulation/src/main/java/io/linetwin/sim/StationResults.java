package io.linetwin.sim;

/** A processing station's window statistics as its result: state shares and OEE. */
final class StationResults {

    private StationResults() {}

    static StationResult of(
            String id,
            StationStats stats,
            int servers,
            double speedShare,
            double horizonSeconds,
            double bottleneckShare) {
        double planned = servers * horizonSeconds;
        double working = stats.seconds(ServerState.WORKING) / planned;
        StateShares shares = new StateShares(
                working,
                stats.seconds(ServerState.BLOCKED) / planned,
                stats.seconds(ServerState.STARVED) / planned,
                stats.seconds(ServerState.DOWN) / planned,
                stats.seconds(ServerState.SETUP) / planned,
                stats.seconds(ServerState.OFF_SHIFT) / planned);
        // Sums rather than differences: each ratio then stays <= 1 in floating point too.
        double run = stats.seconds(ServerState.WORKING)
                + stats.seconds(ServerState.BLOCKED)
                + stats.seconds(ServerState.STARVED);
        // Planned stops are planned downtime (Nakajima): out of the planned time, not a loss of availability.
        double plannedStop = Math.min(stats.plannedStopSeconds(), stats.seconds(ServerState.DOWN));
        double plannedOnShift =
                run + (stats.seconds(ServerState.DOWN) - plannedStop) + stats.seconds(ServerState.SETUP);
        double availability = plannedOnShift > 0 ? run / plannedOnShift : 0;
        // Time-based, so a cycle drawn shorter than its mean or a part begun before the window cannot count more
        // ideal time than the station ran: idle time (starved, blocked) and running below rated speed are the losses.
        double performance = run > 0 ? stats.seconds(ServerState.WORKING) / run * speedShare : 0;
        long finished = stats.good() + stats.scrap();
        double quality = finished == 0 ? 1 : (double) stats.good() / finished;
        return new StationResult(
                id,
                shares,
                working,
                stats.good(),
                stats.scrap(),
                availability,
                performance,
                quality,
                availability * performance * quality,
                bottleneckShare,
                plannedStop / planned);
    }
}
