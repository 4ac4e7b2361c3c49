package io.linetwin.render.headless;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Connected regions (4-neighbourhood) of pixels whose RGB passes a test. */
final class Blobs {

    private Blobs() {}

    /** Sizes of the regions of at least {@code minPixels} pixels. */
    static List<Integer> sizes(BufferedImage image, IntPredicate inside, int minPixels) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] seen = new boolean[w * h];
        List<Integer> sizes = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || !inside.test(image.getRGB(start % w, start / w))) {
                continue;
            }
            int size = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                size++;
                int x = p % w;
                int y = p / w;
                int[][] next = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
                for (int[] n : next) {
                    if (n[0] >= 0 && n[0] < w && n[1] >= 0 && n[1] < h) {
                        int q = n[1] * w + n[0];
                        if (!seen[q] && inside.test(image.getRGB(n[0], n[1]))) {
                            seen[q] = true;
                            queue.add(q);
                        }
                    }
                }
            }
            if (size >= minPixels) {
                sizes.add(size);
            }
        }
        return sizes;
    }

    static int count(BufferedImage image, IntPredicate inside) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (inside.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }
}
