/**
 * fal's real-time protocol, as the gateway relies on it, in pure code: app ids, URLs, frames, message classes,
 * the app catalog and the error codes. Nothing here does I/O or depends on Quarkus. The facts below come from
 * fal's public clients ({@code @fal-ai/client} for JavaScript, {@code fal_client} for Python) and fal's docs;
 * the client ({@code io.realtimegateway.client}) and the embedded upstream ({@code io.realtimegateway.simulator})
 * are both built to them, and code elsewhere cites the section names below.
 *
 * <h2>Endpoints</h2>
 * An app id is {@code owner/alias}, maybe followed by a sub-path; legacy ids {@code 1234-alias} mean
 * {@code 1234/alias}. Owner and alias are lowercase letters, digits, {@code - _ .}; anything else is refused before
 * it reaches a URL, so an id can never change the host or leave the path ({@link io.realtimegateway.protocol.AppId}).
 * A session lives at {@code wss://fal.run/{owner}/{alias}{path}} ({@code path} defaults to {@code /realtime}) with
 * the query {@code fal_jwt_token={token}} and {@code max_buffering={n}}, n from 1 to 60
 * ({@link io.realtimegateway.protocol.RealtimeUrl}). A token comes from {@code POST https://rest.fal.ai/tokens/}
 * with {@code Authorization: Key {FAL_KEY}} and {@code {"allowed_apps":["{alias}"],"token_expiration":seconds}};
 * the answer is the token as a bare JSON string (older proxies: {@code {"token":..}} or {@code {"detail":..}}).
 * Tokens are short-lived: one per alias is reused until 90% of its lifetime.
 *
 * <h2>Frames</h2>
 * Each input goes out as one binary msgpack frame holding a map. What comes back is JSON in text frames and msgpack
 * in binary ones, and is classified in this order ({@link io.realtimegateway.protocol.FrameCodec#classify}):
 * {@code {"status":"error","error":"Unauthorized"}} means the token was refused; {@code "type":"x-fal-error"} is an
 * error with {@code error} and {@code reason}; {@code "type":"x-fal-message"} is information (fal sends timings),
 * never a result; anything else is a result. Results may carry image bytes in {@code images[].content} instead of a
 * {@code url} ({@link io.realtimegateway.protocol.OutputImages}).
 *
 * <h2>Matching</h2>
 * Frames carry no request ids. fal's server runs one session's inputs one at a time, first in first out, so a result
 * answers the oldest input still unanswered. Outputs that echo {@code request_id} or {@code seed} let the client
 * check that match instead of trusting position alone ({@link io.realtimegateway.protocol.ResultCorrelation}).
 *
 * <h2>Buffering</h2>
 * The server holds at most {@code max_buffering} inputs waiting per session; when one more arrives it drops the
 * oldest waiting one without a word, and that input never gets a result. A client that wants every input answered
 * must therefore never have more than {@code max_buffering} inputs sent and unanswered on a socket (fal recommends
 * 2), and should say {@code max_buffering} in the URL rather than rely on the app's default.
 *
 * <h2>Session life</h2>
 * <ul>
 * <li>No greeting: after the upgrade the server says nothing until its first result.</li>
 * <li>One bad input ends the session: a validation failure (its reason is pydantic's text naming the field), an
 * undecodable frame or a model failure is answered with {@code x-fal-error} {@code INTERNAL_ERROR} and a normal close
 * (1000); the other inputs waiting on that socket get nothing. fal validates inputs as they arrive but runs them later,
 * so with several in flight the error may belong to any of them. With one in flight, blame that one; with more,
 * reconnect and resend them one at a time until the error comes back, and blame only the input it comes back for.
 * The innocent ones are neither failed nor reported lost: they get their results after the reconnect.</li>
 * <li>Idle close: after about 2 s without input ({@code session_timeout}) the server finishes its queue, sends
 * {@code x-fal-error} {@code TIMEOUT} ("no inputs, reconnect when needed!") and closes with 1000. No input failed:
 * reconnect on the next send, and resend anything that raced the close.</li>
 * <li>Lost: fal closes with 1000 only. Any other close code, or a socket that ends with inputs unanswered and no
 * {@code x-fal-error} before it, is a lost connection: reconnect and resend the unanswered inputs.</li>
 * <li>Rate limits: no public source shows a real-time rate-limit frame. The gateway and its embedded upstream use
 * {@code x-fal-error} {@code RATE_LIMITED} for a refused input (it keeps its place in line and the session stays
 * open), and HTTP 429 on the token request or the upgrade.</li>
 * </ul>
 *
 * <h2>Pacing</h2>
 * fal's docs pace sends at 64 ms by default, 32 ms at the lowest, slower after rate limits. fal's JavaScript client
 * keeps only the latest input while it waits (right for a live slider, wrong for a batch); the gateway paces every
 * input and drops none.
 *
 * <h2>Error codes</h2>
 * {@link io.realtimegateway.protocol.ErrorCode}: an upstream {@code x-fal-error} whose reason is a validation text is
 * {@code INVALID_INPUT}, any other is {@code UPSTREAM_ERROR}; a refused token is {@code UNAUTHORIZED}; a lost
 * connection or an upgrade answered 5xx is {@code CONNECTION_LOST}; an upgrade answered 404 is {@code APP_NOT_FOUND}.
 */
package io.realtimegateway.protocol;
