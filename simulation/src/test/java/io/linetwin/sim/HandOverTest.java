package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two hand-overs against reference models written another way: the plain one as one FIFO queue, the routed
 * one as a FIFO queue per route where the oldest head whose target has room goes first. Many random sequences of
 * finishing parts, room freeing downstream and the machine draining; after every step the parts sent (in order), the servers still
 * waiting and where each waits must agree with the model.
 */
final class HandOverTest {

    private static final int SEQUENCES = 200;
    private static final int STEPS = 300;

    /** A downstream place with a number of free slots that the test sets; it keeps what it got, in order. */
    private static final class Slots implements Downstream {
        int room;
        final List<Part> got = new ArrayList<>();

        @Override
        public boolean canAccept() {
            return room > 0;
        }

        @Override
        public void accept(Part part) {
            if (room <= 0) {
                throw new IllegalStateException("accept without room");
            }
            room--;
            got.add(part);
        }
    }

    /** The parts handed over, in the order the hand-over released them, with the server each came from. */
    private static final class Sent implements HandOver.Sender {
        final List<Part> parts = new ArrayList<>();
        final List<Server> free = new ArrayList<>();

        @Override
        public void send(Server server, Downstream target) {
            Part part = server.release();
            parts.add(part);
            free.add(server);
            target.accept(part);
        }
    }

    private static Server[] servers(int count) {
        Model model = new Model(1, false, null, new String[] {"a", "b", "c"}, 0);
        Machine machine = new Machine(
                model,
                "m",
                count,
                new MachineParameters(null, 1, 1, null, null, 0, null, null, null, null),
                new StationStats(0, count, new BottleneckDetector(1)));
        Server[] servers = new Server[count];
        for (int i = 0; i < count; i++) {
            servers[i] = machine.server(i);
        }
        return servers;
    }

    @Test
    void plainHandOverSendsInFinishingOrderAndBlocksBehindAnyWaitingPart() {
        Random random = new Random(11);
        long sentTotal = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            int serverCount = 1 + random.nextInt(6);
            Server[] servers = servers(serverCount);
            Deque<Server> idle = new ArrayDeque<>(List.of(servers));
            Slots out = new Slots();
            Sent sent = new Sent();
            PlainHandOver handOver = new PlainHandOver(out, serverCount, sent);
            Deque<Part> modelWaiting = new ArrayDeque<>();
            List<Part> modelOut = new ArrayList<>();
            long nextId = 1;
            for (int step = 0; step < STEPS; step++) {
                if (!idle.isEmpty() && random.nextInt(3) > 0) {
                    Server server = idle.poll();
                    Part part = new Part(nextId++, 0, 0);
                    server.hold(part);
                    Downstream target = handOver.passTarget(server);
                    if (modelWaiting.isEmpty() && out.room > 0) {
                        assertThat(target).isSameAs(out);
                        out.accept(server.release());
                        modelOut.add(part);
                        idle.add(server);
                    } else {
                        assertThat(target).isNull();
                        handOver.block(server);
                        modelWaiting.add(part);
                    }
                } else if (random.nextBoolean()) {
                    // Room appears; the machine hears of it only at the next drain.
                    out.room += random.nextInt(3);
                } else {
                    int room = out.room;
                    handOver.handOverWaiting();
                    // The model: the oldest waiting parts take the room there was, in order.
                    List<Part> expected = new ArrayList<>();
                    while (expected.size() < room && !modelWaiting.isEmpty()) {
                        expected.add(modelWaiting.poll());
                    }
                    assertThat(sent.parts).containsExactlyElementsOf(expected);
                    modelOut.addAll(expected);
                    idle.addAll(sent.free);
                    sent.parts.clear();
                    sent.free.clear();
                }
                assertThat(handOver.waiting()).isEqualTo(modelWaiting.size());
                assertThat(idle.size() + handOver.waiting()).isEqualTo(serverCount);
            }
            assertThat(out.got).containsExactlyElementsOf(modelOut);
            sentTotal += out.got.size();
            // Every part that entered is either out or waiting, and the ids leave in the order they finished.
            assertThat(out.got.size() + handOver.waiting()).isEqualTo(nextId - 1);
            for (int i = 0; i < out.got.size(); i++) {
                assertThat(out.got.get(i).id()).isEqualTo(i + 1);
            }
        }
        assertThat(sentTotal).as("the sequences hand parts over at all").isGreaterThan(SEQUENCES * 30L);
    }

    @Test
    void routedHandOverKeepsEachRoutesOrderAndLetsOtherRoutesOvertake() {
        Random random = new Random(12);
        long overtakes = 0;
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            int serverCount = 1 + random.nextInt(6);
            int routes = 1 + random.nextInt(3);
            Server[] servers = servers(serverCount);
            Deque<Server> idle = new ArrayDeque<>(List.of(servers));
            Slots[] targets = new Slots[routes];
            String[] ids = new String[routes];
            int[] routeOfProduct = {0, 1 % routes, 2 % routes};
            for (int r = 0; r < routes; r++) {
                targets[r] = new Slots();
                ids[r] = "b" + r;
            }
            Sent sent = new Sent();
            RoutedHandOver handOver =
                    new RoutedHandOver(Router.byProduct(targets, ids, routeOfProduct), serverCount, sent);
            List<Deque<Part>> modelWaiting = new ArrayList<>();
            for (int r = 0; r < routes; r++) {
                modelWaiting.add(new ArrayDeque<>());
            }
            List<Part> modelSent = new ArrayList<>();
            long nextId = 1;
            for (int step = 0; step < STEPS; step++) {
                if (!idle.isEmpty() && random.nextInt(3) > 0) {
                    Server server = idle.poll();
                    Part part = new Part(nextId++, random.nextInt(3), 0);
                    int route = routeOfProduct[part.product()];
                    server.hold(part);
                    Downstream target = handOver.passTarget(server);
                    assertThat(server.route()).isEqualTo(route);
                    if (modelWaiting.get(route).isEmpty() && targets[route].room > 0) {
                        assertThat(target).isSameAs(targets[route]);
                        overtakes += overtaking(List.of(part), modelWaiting);
                        targets[route].accept(server.release());
                        idle.add(server);
                    } else {
                        assertThat(target).isNull();
                        handOver.block(server);
                        assertThat(handOver.target(server)).isSameAs(targets[route]);
                        modelWaiting.get(route).add(part);
                    }
                } else if (random.nextBoolean()) {
                    // Room appears at one target; the machine hears of it only at the next drain.
                    targets[random.nextInt(routes)].room += random.nextInt(3);
                } else {
                    int[] roomBefore = new int[routes];
                    for (int r = 0; r < routes; r++) {
                        roomBefore[r] = targets[r].room;
                    }
                    handOver.handOverWaiting();
                    // The model: while some route's oldest waiting part has room, the oldest such part goes.
                    int[] room = roomBefore.clone();
                    List<Part> expected = new ArrayList<>();
                    while (true) {
                        int pick = -1;
                        for (int r = 0; r < routes; r++) {
                            Part head = modelWaiting.get(r).peek();
                            if (head != null
                                    && room[r] > 0
                                    && (pick < 0
                                            || head.id()
                                                    < modelWaiting
                                                            .get(pick)
                                                            .peek()
                                                            .id())) {
                                pick = r;
                            }
                        }
                        if (pick < 0) {
                            break;
                        }
                        room[pick]--;
                        expected.add(modelWaiting.get(pick).poll());
                    }
                    assertThat(sent.parts).containsExactlyElementsOf(expected);
                    overtakes += overtaking(expected, modelWaiting);
                    modelSent.addAll(expected);
                    idle.addAll(sent.free);
                    sent.parts.clear();
                    sent.free.clear();
                }
                int waiting = 0;
                for (Deque<Part> queue : modelWaiting) {
                    waiting += queue.size();
                }
                assertThat(handOver.waiting()).isEqualTo(waiting);
                assertThat(idle.size() + handOver.waiting()).isEqualTo(serverCount);
            }
            // Per route, the parts reached their buffer in the order they finished.
            for (Slots target : targets) {
                for (int i = 1; i < target.got.size(); i++) {
                    assertThat(target.got.get(i).id())
                            .isGreaterThan(target.got.get(i - 1).id());
                }
            }
        }
        assertThat(overtakes)
                .as("the sequences exercise a part overtaking another route's")
                .isPositive();
    }

    /** How many of {@code sent} left while a part that finished before them still waits (for another route). */
    private static int overtaking(List<Part> sent, List<Deque<Part>> waiting) {
        int count = 0;
        for (Part part : sent) {
            for (Deque<Part> queue : waiting) {
                Part oldest = queue.peek();
                if (oldest != null && oldest.id() < part.id()) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    @Test
    void aHandOverRefusesMoreWaitingServersThanTheMachineHas() {
        Server[] servers = servers(2);
        for (HandOver handOver : List.of(
                new PlainHandOver(new Slots(), 1, (server, target) -> {}),
                new RoutedHandOver(
                        Router.byProduct(new Downstream[] {new Slots()}, new String[] {"b"}, new int[] {0, 0, 0}),
                        1,
                        (server, target) -> {}))) {
            servers[0].hold(new Part(1, 0, 0));
            handOver.restoreBlocked(servers[0]);
            assertThat(handOver.waiting()).isEqualTo(1);
            assertThatThrownBy(() -> handOver.block(servers[1]))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("all 1 servers wait already, cannot block one more");
        }
        assertThatThrownBy(() -> new PlainHandOver(new Slots(), 0, (server, target) -> {}))
                .hasMessage("a hand-over needs at least 1 server, got 0");
    }
}
