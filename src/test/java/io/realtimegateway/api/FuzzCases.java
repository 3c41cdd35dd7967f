package io.realtimegateway.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.function.Supplier;
import java.util.List;
import java.util.SplittableRandom;

import io.realtimegateway.RawHttp;
import io.realtimegateway.api.HttpEdgeTest.Endpoint;

/**
 * Random requests for the body fuzz pass: JSON of random shapes, types, sizes and encodings, invocation-shaped bodies
 * with random field values, and mutations of valid ones (cut, flipped, doubled, re-encoded, nested deep), sent with
 * random Content-Types and framing to the three endpoints. Case {@code i} of seed {@code s} is the same on every run,
 * whatever other cases ran: each has its own random stream.
 *
 * <p>Deliberately left out, so that every valid invocation stays cheap: large image sizes, long throttles, simulated
 * latency and short deadlines (a 1 ms {@code timeoutMs} is a legitimate 504, not a fault of the edge).
 */
final class FuzzCases {

    /** One request, ready to send. */
    record Case(int index, Endpoint endpoint, String contentType, boolean chunked, byte[] body, String shape) {

        byte[] request(SplittableRandom random) {
            if (!chunked) {
                return RawHttp.post(endpoint.path, contentType, body, "");
            }
            List<byte[]> chunks = new ArrayList<>();
            for (int at = 0; at < body.length;) {
                int size = Math.min(body.length - at, 1 + random.nextInt(Math.max(1, body.length / 3 + 1)));
                chunks.add(Arrays.copyOfRange(body, at, at + size));
                at += size;
            }
            return RawHttp.chunkedPost(endpoint.path, contentType, chunks.toArray(byte[][]::new));
        }

        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return "case " + index + " (" + shape + ") " + endpoint + " Content-Type=" + contentType + (chunked ? " chunked" : "") + " "
                    + body.length + " bytes: " + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
        }
    }

    private static final String[] APPS = { "fal-ai/flux-lora-realtime", "fal-ai/sdxl-turbo-realtime", "fal-ai/lcm-sd15-i2i",
            "fal-ai/ltx-video-realtime", "fal-ai/cogvideox-realtime", "fal-ai/nope-fuzz", "someone-else/app", "FAL-AI/x", "fal-ai/../x", "" };
    private static final String[] FIELDS = { "prompt", "image_size", "num_inference_steps", "seed", "image_url", "image_bytes", "strength",
            "num_images", "num_frames", "negative_prompt", "guidance_scale", "enable_safety_checks", "loras", "extra" };
    private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-16",
            "application/cloudevents+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "json", null };

    private final long seed;

    FuzzCases(long seed) {
        this.seed = seed;
    }

    Case generate(int index) {
        SplittableRandom random = random(index);
        Endpoint endpoint = Endpoint.values()[random.nextInt(Endpoint.values().length)];
        String contentType = random.nextInt(10) < 7 ? "application/json" : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        boolean chunked = random.nextInt(5) == 0;
        int shape = random.nextInt(10);
        String name;
        byte[] body;
        if (shape < 4) {
            name = "invocation";
            body = utf8(invocation(random, endpoint));
        } else if (shape < 6) {
            name = "mutated invocation";
            body = mutate(random, utf8(invocation(random, endpoint)));
        } else if (shape < 8) {
            name = "random JSON";
            body = utf8(value(random, 0));
        } else if (shape < 9) {
            name = "re-encoded";
            body = reencode(random, invocation(random, endpoint));
        } else {
            name = "random bytes";
            body = new byte[random.nextInt(300)];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) random.nextInt(256);
            }
        }
        return new Case(index, endpoint, contentType, chunked, body, name);
    }

    /** The random stream for the chunking of case {@code index}. */
    SplittableRandom framing(int index) {
        return random(index).split();
    }

    private SplittableRandom random(int index) {
        // A SplitMix64 step per case: independent streams from one seed.
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private String invocation(SplittableRandom random, Endpoint endpoint) {
        List<String> fields = new ArrayList<>();
        if (endpoint == Endpoint.FUNCTION && random.nextInt(10) > 0) {
            fields.add("\"app\":" + (random.nextInt(6) == 0 ? value(random, 2) : quote(APPS[random.nextInt(APPS.length)])));
        }
        if (random.nextInt(12) > 0) {
            int count = random.nextInt(10) == 0 ? random.nextInt(80) : 1 + random.nextInt(3);
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                inputs.add(random.nextInt(15) == 0 ? value(random, 2) : input(random));
            }
            fields.add("\"inputs\":" + (random.nextInt(20) == 0 ? value(random, 1) : "[" + String.join(",", inputs) + "]"));
        }
        option(random, fields, "throttleIntervalMs", () -> String.valueOf(32 + random.nextInt(33)));
        option(random, fields, "timeoutMs", () -> String.valueOf(5_000 + random.nextInt(25_000)));
        option(random, fields, "maxBuffering", () -> String.valueOf(1 + random.nextInt(60)));
        option(random, fields, "parallelism", () -> String.valueOf(1 + random.nextInt(8)));
        option(random, fields, "connectionKey", () -> quote("fuzz-" + random.nextInt(4)));
        option(random, fields, "path", () -> quote(random.nextBoolean() ? "/realtime" : "/fuzz"));
        if (random.nextInt(10) == 0) {
            fields.add(quote(word(random)) + ":" + value(random, 1));
        }
        Collections.shuffle(fields, new Random(random.nextLong()));
        return "{" + String.join(",", fields) + "}";
    }

    private String input(SplittableRandom random) {
        List<String> fields = new ArrayList<>();
        for (String field : FIELDS) {
            if (random.nextInt(3) == 0 || (field.equals("prompt") && random.nextInt(5) > 0)) {
                fields.add(quote(field) + ":" + fieldValue(random, field));
            }
        }
        return "{" + String.join(",", fields) + "}";
    }

    /** Mostly what the field takes, within cheap bounds; sometimes anything at all. */
    private String fieldValue(SplittableRandom random, String field) {
        if (random.nextInt(4) == 0) {
            return value(random, 2);
        }
        return switch (field) {
            case "prompt", "negative_prompt" -> quote(text(random, random.nextInt(8) == 0 ? 2_500 : 60));
            case "image_size" -> random.nextBoolean() ? "{\"width\":" + (64 + random.nextInt(200)) + ",\"height\":" + (64 + random.nextInt(200)) + "}"
                    : quote(random.nextBoolean() ? "square_small" : "portrait_17_9");
            case "num_inference_steps" -> String.valueOf(random.nextInt(12) - 2);
            case "seed" -> String.valueOf(random.nextLong());
            case "image_url" -> quote(random.nextBoolean() ? "data:image/png;base64,iVBORw0KGgo=" : "file:///etc/passwd");
            case "image_bytes" -> quote("AAEC");
            case "strength", "guidance_scale" -> String.valueOf(random.nextDouble() * 2 - 0.5);
            case "num_images", "num_frames" -> String.valueOf(random.nextInt(4));
            case "enable_safety_checks" -> String.valueOf(random.nextBoolean());
            default -> value(random, 2);
        };
    }

    private void option(SplittableRandom random, List<String> fields, String name, Supplier<String> valid) {
        int roll = random.nextInt(8);
        if (roll == 0) {
            fields.add(quote(name) + ":" + valid.get());
        } else if (roll == 1) {
            fields.add(quote(name) + ":" + value(random, 2));
        }
    }

    /** Any JSON value; deeper values grow rarer. */
    private String value(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 6 ? 5 : 8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> number(random);
            case 3, 4 -> quote(text(random, random.nextInt(30) == 0 ? 20_000 : 40));
            case 5 -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    items.add(value(random, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> members = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    members.add(quote(random.nextInt(4) == 0 ? FIELDS[random.nextInt(FIELDS.length)] : word(random)) + ":" + value(random, depth + 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
        };
    }

    private static String number(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 3 -> "1e" + (random.nextInt(800) - 400);
            case 4 -> "-0";
            case 5 -> "9".repeat(1 + random.nextInt(120));
            case 6 -> "0." + "1".repeat(1 + random.nextInt(120));
            case 7 -> String.valueOf(random.nextInt(100));
            default -> "-" + random.nextInt(1_000_000) + "." + random.nextInt(1000) + "E+" + random.nextInt(30);
        };
    }

    /** Text with ASCII, accents, emoji, escapes, control characters and lone surrogates, escaped as JSON would need. */
    private static String text(SplittableRandom random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            switch (random.nextInt(12)) {
                case 0 -> text.append("é");
                case 1 -> text.append("\uD83C\uDF05");
                case 2 -> text.append("\\n");
                case 3 -> text.append("\\u").append(String.format("%04x", random.nextInt(0x10000)));
                case 4 -> text.append("\\\"");
                case 5 -> text.append("\\ud800");
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    private static String word(SplittableRandom random) {
        return text(random, 12).replace("\\", "");
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    /** Cut, flip, insert, double, append or nest: most results are no longer valid, some still are. */
    private static byte[] mutate(SplittableRandom random, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        switch (random.nextInt(8)) {
            case 0 -> out.write(body, 0, at);
            case 1 -> {
                out.writeBytes(body);
                if (body.length > 0) {
                    byte[] flipped = out.toByteArray();
                    flipped[at] ^= (byte) (1 << random.nextInt(8));
                    return flipped;
                }
            }
            case 2 -> {
                out.write(body, 0, at);
                out.write(random.nextInt(256));
                out.write(body, at, body.length - at);
            }
            case 3 -> {
                out.writeBytes(body);
                out.writeBytes(body);
            }
            case 4 -> {
                out.writeBytes(body);
                out.writeBytes(utf8(random.nextBoolean() ? "xyz" : " {\"timeoutMs\":5}"));
            }
            case 5 -> {
                int depth = 30 + random.nextInt(200);
                out.writeBytes(utf8("[".repeat(depth)));
                out.writeBytes(body);
                out.writeBytes(utf8("]".repeat(random.nextInt(10) == 0 ? depth - 1 : depth)));
            }
            case 6 -> {
                out.write(body, 0, at);
                // invalid UTF-8: a lone continuation byte, an overlong NUL, a truncated sequence
                out.writeBytes(new byte[][] { { (byte) 0x80 }, { (byte) 0xC0, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 } }[random.nextInt(3)]);
                out.write(body, at, body.length - at);
            }
            default -> {
                out.writeBytes(utf8("{\"inputs\":[" + "0,".repeat(random.nextInt(150_000)) + "0]}"));
            }
        }
        return out.toByteArray();
    }

    private static byte[] reencode(SplittableRandom random, String json) {
        Charset[] charsets = { StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16, Charset.forName("UTF-32BE"),
                StandardCharsets.ISO_8859_1 };
        byte[] bom = random.nextInt(3) == 0 ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF } : new byte[0];
        Charset charset = charsets[random.nextInt(charsets.length)];
        byte[] encoded = json.replace("\\ud800", "").getBytes(charset);
        byte[] body = new byte[bom.length + encoded.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(encoded, 0, body, bom.length, encoded.length);
        return body;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
