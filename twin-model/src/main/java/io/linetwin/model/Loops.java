package io.linetwin.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loops of a directed graph of station ids, in time linear in its size and without recursion: the checks run on
 * lines of thousands of stations, where a search from every station took a minute and a recursive one could
 * overflow the stack.
 */
public final class Loops {

    private Loops() {}

    /**
     * The strongly connected parts of the graph with more than one node (every loop lies within one), each in the
     * order of {@code nodes}; {@code next} maps a node to the nodes it leads to (others are ignored).
     */
    public static List<List<String>> of(Collection<String> nodes, Map<String, List<String>> next) {
        Map<String, Integer> order = new HashMap<>();
        for (String node : nodes) {
            order.putIfAbsent(node, order.size());
        }
        Tarjan tarjan = new Tarjan(order, next);
        for (String node : order.keySet()) {
            if (!tarjan.index.containsKey(node)) {
                tarjan.from(node);
            }
        }
        List<List<String>> loops = new ArrayList<>();
        for (List<String> component : tarjan.components) {
            if (component.size() > 1) {
                component.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
                loops.add(component);
            }
        }
        loops.sort((a, b) -> Integer.compare(order.get(a.get(0)), order.get(b.get(0))));
        return loops;
    }

    /** A shortest loop from {@code start} back to it within {@code within}: start, ..., start; empty if none. */
    public static List<String> shortestThrough(String start, Set<String> within, Map<String, List<String>> next) {
        Map<String, String> parent = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(start);
        Set<String> seen = new HashSet<>();
        seen.add(start);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String to : next.getOrDefault(at, List.of())) {
                if (to.equals(start)) {
                    List<String> loop = new ArrayList<>();
                    for (String s = at; s != null; s = parent.get(s)) {
                        loop.add(0, s);
                    }
                    loop.add(start);
                    return loop;
                }
                if (within.contains(to) && seen.add(to)) {
                    parent.put(to, at);
                    queue.add(to);
                }
            }
        }
        return List.of();
    }

    /** Tarjan's algorithm with an explicit stack of (node, next edge to look at). */
    private static final class Tarjan {
        private final Map<String, Integer> nodes;
        private final Map<String, List<String>> next;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Set<String> onStack = new HashSet<>();
        private final ArrayDeque<String> stack = new ArrayDeque<>();
        private final List<List<String>> components = new ArrayList<>();

        Tarjan(Map<String, Integer> nodes, Map<String, List<String>> next) {
            this.nodes = nodes;
            this.next = next;
        }

        void from(String root) {
            ArrayDeque<String> path = new ArrayDeque<>();
            ArrayDeque<Integer> edge = new ArrayDeque<>();
            enter(root);
            path.push(root);
            edge.push(0);
            while (!path.isEmpty()) {
                String at = path.peek();
                int i = edge.pop();
                List<String> out = next.getOrDefault(at, List.of());
                if (i < out.size()) {
                    edge.push(i + 1);
                    String to = out.get(i);
                    if (!nodes.containsKey(to)) {
                        continue;
                    }
                    if (!index.containsKey(to)) {
                        enter(to);
                        path.push(to);
                        edge.push(0);
                    } else if (onStack.contains(to)) {
                        low.put(at, Math.min(low.get(at), index.get(to)));
                    }
                    continue;
                }
                path.pop();
                if (!path.isEmpty()) {
                    String parent = path.peek();
                    low.put(parent, Math.min(low.get(parent), low.get(at)));
                }
                if (low.get(at).equals(index.get(at))) {
                    List<String> component = new ArrayList<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(at));
                    components.add(component);
                }
            }
        }

        private void enter(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
        }
    }
}
