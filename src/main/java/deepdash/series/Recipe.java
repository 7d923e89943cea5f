package deepdash.series;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a series forecaster sees its prices. {@link #SEED}: the seed tutorial's min-max scaled prices
 * in and a sigmoid out, so it can never forecast above the training days' highest price.
 * {@link #RETURNS}: daily log returns standardised with the training days' mean and deviation in, a
 * linear head out; the forecast return is turned back into a price from the last known price.
 */
public enum Recipe {
    SEED("seed", "Seed: scaled prices, sigmoid head",
            "The window holds the prices themselves, mapped so that the training days' lowest price is 0 and "
                    + "their highest is 1, and the last layer is a sigmoid, as in the seed tutorial. A sigmoid "
                    + "never leaves 0..1, so this recipe can never forecast a price above the training days' "
                    + "highest: when the test period climbs past it, the forecast flattens under that ceiling."),
    RETURNS("returns", "Returns: standardised log returns, linear head",
            "The window holds daily log returns, ln(today / yesterday), standardised with the training days' "
                    + "mean and deviation, and a linear head forecasts the (standardised) log return to the target "
                    + "day. That return is applied to the last known price, so the forecast can go anywhere, "
                    + "above the training maximum included.");

    /** What a run gets when its settings name none (and what run.json files from before recipes mean). */
    public static final Recipe DEFAULT = SEED;

    private final String wireName;
    private final String title;
    private final String explanation;

    Recipe(String wireName, String title, String explanation) {
        this.wireName = wireName;
        this.title = title;
        this.explanation = explanation;
    }

    /** What settings and {@code forecast.json} call it: {@code seed}, {@code returns}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    /** Two sentences for the Forecast page. */
    public String explanation() {
        return explanation;
    }

    /** Whether the model's last layer is a sigmoid (the seed's) rather than linear. */
    public boolean sigmoidHead() {
        return this == SEED;
    }

    /** Days before a window's first input that it needs: a return needs the day before it. */
    public int lookBack() {
        return this == RETURNS ? 1 : 0;
    }

    @JsonCreator
    static Recipe fromJson(String name) {
        return byWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown recipe \"" + name
                + "\"; the recipes are " + wireNames()));
    }

    public static Optional<Recipe> byWireName(String name) {
        return Arrays.stream(values()).filter(recipe -> recipe.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Recipe::wireName).toList());
    }
}
