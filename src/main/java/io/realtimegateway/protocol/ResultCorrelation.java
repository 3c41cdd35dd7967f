package io.realtimegateway.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which waiting input a result answers. fal's protocol carries no request ids: the server answers one
 * session's inputs first in, first out, so the oldest waiting input is the answer's owner. Outputs that
 * echo {@code request_id} or {@code seed} let us check that instead of trusting position blindly.
 */
public final class ResultCorrelation {

    /** What of an input an output may echo back; taken when the input is sent. */
    public record Echo(Object seed, Object requestId) {

        public static Echo of(Map<String, ?> input) {
            return new Echo(input.get("seed"), input.get("request_id"));
        }
    }

    private ResultCorrelation() {
    }

    /**
     * @param waiting the inputs sent and not yet answered, oldest first (never empty)
     * @param echoOf what each of them may see echoed
     * @param output the result
     * @return the index in {@code waiting} of the input the result belongs to
     */
    public static <T> int match(List<T> waiting, Function<? super T, Echo> echoOf, Map<String, ?> output) {
        Object requestId = output.get("request_id");
        if (requestId != null) {
            return firstMatching(waiting, echoOf, echo -> Objects.equals(requestId, echo.requestId()));
        }
        Object seed = output.get("seed");
        Object oldestSeed = echoOf.apply(waiting.get(0)).seed();
        if (sameNumber(seed, oldestSeed) || !(seed instanceof Number) || !(oldestSeed instanceof Number)) {
            return 0;
        }
        return firstMatching(waiting, echoOf, echo -> sameNumber(seed, echo.seed()));
    }

    private static <T> int firstMatching(List<T> waiting, Function<? super T, Echo> echoOf, Predicate<Echo> echoes) {
        for (int i = 0; i < waiting.size(); i++) {
            if (echoes.test(echoOf.apply(waiting.get(i)))) {
                return i;
            }
        }
        return 0;
    }

    private static boolean sameNumber(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y && x.doubleValue() == y.doubleValue();
    }
}
