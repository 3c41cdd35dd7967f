package io.realtimegateway.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which waiting input a result answers. fal's protocol carries no request ids: the server answers one
 * session's inputs first in, first out, so the oldest waiting input is the answer's owner. Outputs that
 * echo {@code request_id} or {@code seed} let us check that instead of trusting position blindly.
 */
public final class ResultCorrelation {

    private ResultCorrelation() {
    }

    /**
     * @param waiting the inputs sent and not yet answered, oldest first (never empty)
     * @param output the result
     * @return the index in {@code waiting} of the input the result belongs to
     */
    public static int match(List<? extends Map<String, ?>> waiting, Map<String, ?> output) {
        Object requestId = output.get("request_id");
        if (requestId != null) {
            return firstMatching(waiting, input -> Objects.equals(requestId, input.get("request_id")));
        }
        Object seed = output.get("seed");
        Object oldestSeed = waiting.get(0).get("seed");
        if (sameNumber(seed, oldestSeed) || !(seed instanceof Number) || !(oldestSeed instanceof Number)) {
            return 0;
        }
        return firstMatching(waiting, input -> sameNumber(seed, input.get("seed")));
    }

    private static int firstMatching(List<? extends Map<String, ?>> waiting, Predicate<Map<String, ?>> echoes) {
        for (int i = 0; i < waiting.size(); i++) {
            if (echoes.test(waiting.get(i))) {
                return i;
            }
        }
        return 0;
    }

    private static boolean sameNumber(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y && x.doubleValue() == y.doubleValue();
    }
}
