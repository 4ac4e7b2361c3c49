package io.linetwin.sim;

import java.util.Objects;

/**
 * A conveyor over the statistics window: {@code movingShare}, the share of the window its belt moved (up and
 * carrying at least one part; operating-basis failure clocks run then); {@code downShare}, the share it stood
 * under repair; {@code failures}, the failures that struck in the window.
 */
public record ConveyorResult(String id, double movingShare, double downShare, long failures) {

    public ConveyorResult {
        Objects.requireNonNull(id, "id");
        if (!(movingShare >= -1e-9 && downShare >= -1e-9 && movingShare + downShare <= 1 + 1e-9)) {
            throw new IllegalArgumentException("conveyor " + id + " shares must satisfy 0 <= moving + down <= 1, got "
                    + movingShare + " and " + downShare);
        }
        if (failures < 0) {
            throw new IllegalArgumentException("conveyor " + id + " failures must be >= 0, got " + failures);
        }
    }
}
