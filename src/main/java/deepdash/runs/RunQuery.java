package deepdash.runs;

import deepdash.i18n.Text;
import deepdash.protocol.RunRecord;
import deepdash.protocol.RunStatus;
import deepdash.web.BadRequestException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which runs to list: optional filters by model and status, and one page of the result (newest
 * first). Built from query parameters by {@link #parse}, which refuses anything it does not
 * understand with a 400 that names the parameter.
 *
 * @param model only runs of this model; null for all
 * @param statuses only runs in one of these states; empty for all
 * @param offset how many matching runs to skip
 * @param limit the most runs to return
 */
public record RunQuery(String model, Set<RunStatus> statuses, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public RunQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 0.." + MAX_LIMIT);
        }
    }

    /** Every run's first page. */
    public static RunQuery firstPage() {
        return new RunQuery(null, Set.of(), 0, DEFAULT_LIMIT);
    }

    /**
     * Reads {@code model}, {@code status} (one or a comma-separated list), {@code limit} and
     * {@code offset}. Blank values mean "not given".
     *
     * @param param the request's query parameters by name
     * @param knownModels the models a filter may name
     */
    public static RunQuery parse(Function<String, String> param, Set<String> knownModels) {
        String model = blankToNull(param.apply("model"));
        if (model != null && !knownModels.contains(model)) {
            throw new BadRequestException("model", Text.of("error.run.unknown_model", model,
                    knownModels.stream().sorted().collect(Collectors.joining(", "))));
        }
        Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
        String status = blankToNull(param.apply("status"));
        if (status != null) {
            for (String name : status.split(",")) {
                statuses.add(status(name.trim()));
            }
        }
        int limit = wholeNumber(param, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        int offset = wholeNumber(param, "offset", 0, 0, Integer.MAX_VALUE);
        return new RunQuery(model, statuses, offset, limit);
    }

    public boolean matches(RunRecord record) {
        return (model == null || model.equals(record.config().model()))
                && (statuses.isEmpty() || statuses.contains(record.status()));
    }

    /** The same filters, another page. */
    public RunQuery withOffset(int newOffset) {
        return new RunQuery(model, statuses, Math.max(0, newOffset), limit);
    }

    /** The status filter as it is written in a URL: names joined by commas, or "" for none. */
    public String statusParam() {
        return statuses.stream().sorted().map(RunStatus::wireName).collect(Collectors.joining(","));
    }

    private static RunStatus status(String name) {
        for (RunStatus candidate : RunStatus.values()) {
            if (candidate.wireName().equals(name)) {
                return candidate;
            }
        }
        throw new BadRequestException("status", Text.of("error.run.unknown_status", name,
                Arrays.stream(RunStatus.values()).map(RunStatus::wireName).collect(Collectors.joining(", "))));
    }

    private static int wholeNumber(Function<String, String> param, String name, int fallback, int min, int max) {
        String value = blankToNull(param.apply(name));
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, Text.of("error.form.whole_number", value));
        }
        if (parsed < min || parsed > max) {
            throw new BadRequestException(name, Text.of("error.settings.out_of_range", min, max, value.trim()));
        }
        return (int) parsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
