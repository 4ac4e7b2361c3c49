package io.linetwin.sim;

/** A growable FIFO ring of parts; avoids the node allocation of {@code ArrayDeque}'s iterators and boxing. */
final class PartQueue {

    private Part[] ring = new Part[16];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The {@code index}-th part from the front. */
    Part get(int index) {
        return ring[(head + index) & (ring.length - 1)];
    }

    void add(Part part) {
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) & (ring.length - 1)] = part;
        size++;
    }

    Part poll() {
        Part part = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        return part;
    }

    private void grow() {
        Part[] bigger = new Part[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
        }
        ring = bigger;
        head = 0;
    }
}
