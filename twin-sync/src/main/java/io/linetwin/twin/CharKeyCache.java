package io.linetwin.twin;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A bounded, insert-only map from short strings to decoded values that is looked up with the parser's
 * own character buffer, so the hot path makes no String (and hashes nothing twice) for the topics and
 * paths every message repeats. Thread-safe without locks: slots are filled once by compare-and-set.
 */
final class CharKeyCache<V> {

    private record Slot<V>(char[] key, int hash, V value) {
        boolean matches(char[] c, int from, int length, int h) {
            return hash == h && key.length == length && Arrays.equals(key, 0, length, c, from, from + length);
        }
    }

    private final AtomicReferenceArray<Slot<V>> slots;
    private final int mask;
    private final int limit;
    private final AtomicInteger size = new AtomicInteger();

    /** Holds at most {@code limit} keys; later ones are computed on every call. */
    CharKeyCache(int limit) {
        int capacity = Integer.highestOneBit(Math.max(16, limit * 2 - 1)) << 1;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
        this.limit = limit;
    }

    /** The value for the key {@code c[from, from + length)}, computed from its String the first time. */
    V get(char[] c, int from, int length, Function<String, V> compute) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + c[i];
        }
        int index = mix(h) & mask;
        for (Slot<V> s = slots.get(index); s != null; s = slots.get(index)) {
            if (s.matches(c, from, length, h)) {
                return s.value();
            }
            index = (index + 1) & mask;
        }
        V value = compute.apply(new String(c, from, length));
        if (value != null && size.get() < limit) {
            Slot<V> slot = new Slot<>(Arrays.copyOfRange(c, from, from + length), h, value);
            while (!slots.compareAndSet(index, null, slot)) {
                if (slots.get(index).matches(c, from, length, h)) {
                    return value;
                }
                index = (index + 1) & mask;
            }
            size.incrementAndGet();
        }
        return value;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
