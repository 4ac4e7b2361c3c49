/**
 * The line engine: one replication of a {@link io.linetwin.model.LineSpec} on MASON's {@code Schedule}
 * ({@link io.linetwin.sim.LineSimulation}), reporting a {@link io.linetwin.sim.ReplicationResult}.
 *
 * <p>Semantics beyond docs/architecture.md and scenarios/README.md, as implemented:
 * <ul>
 *   <li>Blocks offer parts downstream ({@code Downstream.canAccept/accept}) and are told when room frees up
 *       ({@code Upstream.roomAvailable}); same-instant hand-overs are direct calls, never events at the current
 *       time.</li>
 *   <li>A part is released when it enters the line: at a machine without inbound buffer when a server takes
 *       it, at a source when it is placed downstream. A source holding an arrival ({@code onFull: BLOCK}) has
 *       not released it yet; a dropped arrival is never released.</li>
 *   <li>Failures act per station: a failure stops every server; parts in process or setup resume with their
 *       remaining time after the repair; blocked parts stay put and nothing enters or leaves during a repair.
 *       {@code OPERATING} clocks run while at least one server processes; {@code CALENDAR} clocks run while
 *       the station is not under repair, so other modes' clocks stand still during a repair, and a failure
 *       that comes due while the station is down strikes right after the repair.</li>
 *   <li>Shifts ({@code ShiftClock}): off shift a machine is halted like a failed one (nothing is processed,
 *       enters or leaves; interrupted parts resume next shift) but not active for the bottleneck; operating
 *       clocks stand still, calendar clocks run on, and a failure due off shift strikes at the next shift
 *       start. A repair under way at a shift end goes on; the station is off shift once repaired.</li>
 *   <li>A setup runs when a server starts a part of another product than its previous part (never for a
 *       server's first part); setup time is not processing time for operating-basis failures.</li>
 *   <li>Statistics cover the closed window [warmup, warmup + horizon]: the window opens before and closes
 *       after every other event at its instants ({@code Ordering}).</li>
 *   <li>{@code events} counts every steppable run, including the few early wake-ups of failure clocks that
 *       paused meanwhile ({@code FailureProcess}) and the start and window events.</li>
 *   <li>Materials ({@code MaterialStore}, {@code MaterialNeeds}): taken when an operation starts; a station
 *       short of one does not start (its idle servers count as starved) until a delivery brings enough.</li>
 *   <li>Assembly ({@code Kitting}): one staging place per unit of the bill of materials; the first input's
 *       first part goes on as the assembled part, the others leave the work in process as assembled.</li>
 *   <li>Routing ({@code Router}, {@code Merge}): a routed part blocks its server until its own buffer has
 *       room; inbound buffers merge in declaration order; in lines with loops, a server that blocks triggers
 *       a deadlock check ({@code DeadlockCheck}), which costs nothing in lines without loops.</li>
 *   <li>Links ({@code Buffer}): a plain FIFO buffer, an accumulating {@code Conveyor}, or an {@code AgvLink}
 *       carried by the {@code Fleet}. A conveyor's operating-basis failure clock runs while its belt moves (up
 *       and carrying a part); the fleet drives the shortest paths of the transport's path graph when it has
 *       one.</li>
 *   <li>Part balance ({@code PartFlows}, {@code PartBalances}): every block counts the parts crossing its
 *       boundary in the window; stocks at the window's start and end are counted from what the blocks hold, so
 *       the balance identity checks one bookkeeping against the other.</li>
 *   <li>Trace ({@link io.linetwin.sim.TraceListener}): every trace point is guarded by one final boolean, so an
 *       untraced run builds no trace event. Tracing draws no random numbers: a traced run equals the untraced
 *       one.</li>
 *   <li>Warm start ({@link io.linetwin.sim.LineSimulation#snapshot} and the {@code run(LineState, ...)}
 *       overloads): the engine clock resumes at the state's {@code clockSeconds}. A snapshot's
 *       {@code InFlight} part carries release times, conveyor places and timers, vehicles, material orders and
 *       failure clocks (a mode that came due while halted has clock 0), so a restart goes on as the run would
 *       have; what a state leaves out is drawn anew or assumed (parts count as released at the start, failure
 *       clocks start afresh; see {@code WarmStart}).</li>
 * </ul>
 */
package io.linetwin.sim;
