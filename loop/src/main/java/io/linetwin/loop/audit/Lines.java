package io.linetwin.loop.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a file's bytes into lines, each keeping its line end; a last line without one is kept as it is. */
final class Lines {

    private Lines() {}

    static List<byte[]> split(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }
}
