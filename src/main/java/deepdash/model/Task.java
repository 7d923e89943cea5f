package deepdash.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a model does, which decides its data, its settings record, its key metric and how the
 * worker trains it. Models of one task differ only in their block; a new model of an existing task
 * is a new {@link ModelSpec} and nothing more.
 */
public enum Task {
    /** Reads a 28x28 grey image and says which of ten classes it shows (MNIST digits). */
    IMAGE_CLASSIFICATION,
    /** Reads the last few days of a price series and forecasts the next day's value. */
    SERIES_FORECAST;

    /** Whether runs of this task write a forecast ({@code forecast.json}) to show next to the real prices. */
    public boolean isForecast() {
        return this == SERIES_FORECAST;
    }

    /** Whether the input length (the window of days) is a setting; summaries then take {@code ?window=}. */
    public boolean hasWindow() {
        return this == SERIES_FORECAST;
    }

    /** {@code image-classification} or {@code series-forecast}, as the API writes it. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
