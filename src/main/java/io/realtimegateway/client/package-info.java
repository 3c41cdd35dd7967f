/**
 * The Java real-time client: {@link io.realtimegateway.client.RealtimeClient#connect} gives a
 * {@link io.realtimegateway.client.RealtimeConnection} to send inputs on, in the shape of fal's own clients. One object
 * per job:
 *
 * <pre>
 * RealtimeClient ── resolves options once (ConnectionRules), asks the pool
 *   └─ LinkPool ── shared links by connectionKey, private links waiting warm, idle timers
 *        └─ UpstreamLink ── one logical connection: holders, LinkPhase, guarded runs of socket sessions
 *             ├─ ConnectionHandle ── one holder's view (what connect returns)
 *             ├─ InFlightWindow ── pure: unsent and unanswered inputs, maxBuffering, pacing, matching
 *             ├─ LinkPacing ── the throttle asked for, raised by rate limits
 *             └─ SocketSession ── one socket's life; its end judged by SessionVerdict (pure)
 *                  └─ UpstreamSocket ── the WebSockets Next connection (SocketOpener makes them)
 * </pre>
 *
 * <h2>Threads</h2>
 * Each link's state is confined to its {@link io.realtimegateway.client.SerialExecutor}: tasks run one at a time, in
 * order, on whichever thread submits while none runs (the socket's event loop, a Vert.x timer, the fault tolerance's
 * threads, a caller of {@code send} or {@code close}). Fields say who owns them: "serial only" (that executor's tasks,
 * asserted where it matters), "written serially, read by any thread" (volatile), or "guarded by" a lock (the pool's).
 * Listener callbacks and the stages {@code send} returns complete inside those tasks.
 *
 * <h2>Time</h2>
 * Every clock read and timer goes through a {@link io.realtimegateway.client.Scheduler}, so the pure parts and a link's
 * whole life are unit-tested on a fake clock ({@code UpstreamLinkTest}, {@code InFlightWindowTest},
 * {@code SessionVerdictTest}).
 *
 * <p>What the code relies on about fal's protocol is in the {@code io.realtimegateway.protocol} package's documentation.
 */
package io.realtimegateway.client;
