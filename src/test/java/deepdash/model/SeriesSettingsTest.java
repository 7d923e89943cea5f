package deepdash.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import deepdash.json.Json;
import deepdash.prices.ParsedPrices;
import deepdash.protocol.RunConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defaults and refusals of series settings (the LSTM's), checked against a small business-day series. */
class SeriesSettingsTest {

    /** Business days from {@code first} to {@code last}, with Close = 100 + i and Adj Close = Close - 1. */
    static ParsedPrices prices(LocalDate first, LocalDate last, boolean withAdjClose) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                dates.add(d);
            }
        }
        double[] close = new double[dates.size()];
        double[] adj = new double[dates.size()];
        for (int i = 0; i < close.length; i++) {
            close[i] = 100 + i;
            adj[i] = 99 + i;
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("Close", close);
        if (withAdjClose) {
            values.put("Adj Close", adj);
        }
        return new ParsedPrices(dates, List.copyOf(values.keySet()), values, 0, List.of());
    }

    static final ParsedPrices SPANS_2022 = prices(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31), true);

    static SeriesSettings lstm(String target, Integer window, String from, String to, String split) {
        return new SeriesSettings(null, null, null, null, "data", target, window, from, to, split, null, null);
    }

    @Test
    void fillsInTheSeedsDefaults() {
        SeriesSettings.Resolved resolved = lstm(null, null, null, null, null).resolve(SPANS_2022);

        SeriesSettings config = resolved.settings();
        assertThat(config.target()).isEqualTo("Adj Close");
        assertThat(config.window()).isEqualTo(5);
        assertThat(config.epochs()).isEqualTo(20);
        assertThat(config.batchSize()).isEqualTo(32);
        assertThat(config.learningRate()).isEqualTo(0.001);
        assertThat(config.device()).isEqualTo("auto");
        assertThat(config.recipe()).isEqualTo("seed");
        assertThat(config.horizon()).isEqualTo(1);
        // Shorter than seven years and not covering the seed's 2015..2023: the whole file, split at 80%.
        assertThat(config.from()).isEqualTo("2020-01-01");
        assertThat(config.to()).isEqualTo("2022-12-30");
        assertThat(config.splitDate()).isEqualTo(SPANS_2022.dates().get(626).toString()).isEqualTo("2022-05-26");
        assertThat(config.dataset()).isEqualTo("data");
        assertThat(resolved.series().testWindows()).isEqualTo(783 - 626);
        // A range given without a split keeps the seed's split when it spans 2022-01-01.
        assertThat(lstm(null, null, "2020-01-01", null, null).resolve(SPANS_2022).settings().splitDate())
                .isEqualTo("2022-01-01");
    }

    @Test
    void aFileCoveringTheSeedsRangeGetsTheSeedsDates() {
        ParsedPrices long_ = prices(LocalDate.of(2012, 1, 2), LocalDate.of(2024, 3, 29), true);

        SeriesSettings config = lstm(null, null, null, null, null).resolve(long_).settings();

        assertThat(config.from()).isEqualTo("2015-01-01");
        assertThat(config.to()).isEqualTo("2023-12-31");
        assertThat(config.splitDate()).isEqualTo("2022-01-01");
    }

    @Test
    void recipeAndHorizonAreCheckedAndOldRunsReadAsSeedOneDayAhead() {
        SeriesSettings returns = new SeriesSettings(null, null, null, null, "data", null, null, null, null, null,
                "returns", 5);
        SeriesSettings checked = returns.resolve(SPANS_2022).settings();
        assertThat(checked.recipe()).isEqualTo("returns");
        assertThat(checked.horizon()).isEqualTo(5);
        assertThat(returns.resolve(SPANS_2022).series().standardization()).isNotNull();

        assertRefused(new SeriesSettings(null, null, null, null, "data", null, null, null, null, null, "prices",
                null), "recipe", "must be one of seed, returns, got \"prices\"");
        assertRefused(new SeriesSettings(null, null, null, null, "data", null, null, null, null, null, null, 3),
                "horizon", "must be one of [1, 5, 20]");

        // A run.json from before recipes: no recipe, no horizon.
        ObjectNode old = Json.mapper().createObjectNode().put("dataset", "data").put("window", 5)
                .put("from", "2020-01-01").put("to", "2022-12-30").put("splitDate", "2022-01-01");
        SeriesSettings stored = (SeriesSettings) new LstmSpec().settings(new RunConfig("lstm", old));
        assertThat(stored.recipeOrDefault().wireName()).isEqualTo("seed");
        assertThat(stored.horizonOrDefault()).isEqualTo(1);
        assertThat(stored.resolve(SPANS_2022).settings().recipe()).isEqualTo("seed");
        assertThat(CnnCuresSettingsTest.words(stored.details(), deepdash.i18n.Messages.ENGLISH))
                .containsEntry("recipe", "seed").containsEntry("horizon", "1 day");
        assertThat(CnnCuresSettingsTest.words(stored.details(), deepdash.i18n.Messages.KOREAN))
                .containsEntry("horizon", "1일");
    }

    @Test
    void returnsRefusesANonPositivePriceNamingTheRecipe() {
        ParsedPrices plain = prices(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31), false);
        double[] close = plain.column("Close");
        close[10] = 0;
        ParsedPrices withZero = new ParsedPrices(plain.dates(), List.of("Close"), Map.of("Close", close), 0,
                List.of());
        assertRefused(new SeriesSettings(null, null, null, null, "data", null, null, null, null, null, "returns",
                null), withZero, "recipe", "positive prices");
    }

    @Test
    void targetsCloseWhenThereIsNoAdjCloseAndFindsColumnsInAnyCase() {
        ParsedPrices closeOnly = prices(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 6, 30), false);
        assertThat(lstm(null, null, null, null, null).resolve(closeOnly).settings().target())
                .isEqualTo("Close");
        assertThat(lstm("adj_close", null, null, null, null).resolve(SPANS_2022).settings().target())
                .isEqualTo("Adj Close");
    }

    @Test
    void splitsAt80PercentOfTheRowsWhenTheRangeDoesNotSpan2022() {
        ParsedPrices before = prices(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31), true);

        SeriesSettings config = lstm(null, null, null, null, null).resolve(before).settings();

        int index = (int) Math.floor(before.rows() * 0.8);
        assertThat(config.splitDate()).isEqualTo(before.dates().get(index).toString());
        // Also when the user's range ends before 2022 in a dataset that goes on.
        SeriesSettings narrowed = lstm(null, null, null, "2021-06-30", null).resolve(SPANS_2022).settings();
        assertThat(LocalDate.parse(narrowed.splitDate())).isBefore(LocalDate.of(2021, 6, 30));
    }

    @Test
    void theDateRangeLimitsTheRows() {
        SeriesSettings.Resolved resolved = lstm(null, 5, "2021-01-01", "2022-01-31", "2022-01-01").resolve(SPANS_2022);

        assertThat(resolved.series().firstDate()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(resolved.series().lastDate()).isEqualTo(LocalDate.of(2022, 1, 31));
        // 2022-01-03 .. 2022-01-31: 21 business days.
        assertThat(resolved.series().testWindows()).isEqualTo(21);
    }

    @Test
    void refusesBadFieldsNamingThem() {
        assertRefused(lstm("Open", null, null, null, null), "target", "Close, Adj Close");
        assertRefused(lstm(null, 1, null, null, null), "window", "between 2 and 365");
        assertRefused(lstm(null, 366, null, null, null), "window", "got 366");
        assertRefused(lstm(null, null, "2021-13-01", null, null), "from", "YYYY-MM-DD");
        assertRefused(lstm(null, null, null, "1/2/2022", null), "to", "YYYY-MM-DD");
        assertRefused(lstm(null, null, "2022-01-01", "2021-01-01", null), "to", "must be after from");
        assertRefused(lstm(null, null, null, null, "soon"), "splitDate", "YYYY-MM-DD");
        assertRefused(lstm(null, null, "2030-01-01", "2031-01-01", null), "from", "covers 2020-01-01 to 2022-12-30");
        assertRefused(new SeriesSettings(0, null, null, null, "data", null, null, null, null, null, null, null),
                "epochs", "between 1 and 1000");
        // A setting of another model's record (the CNN's image limit) is refused when the run is requested.
        ObjectNode withImageLimit = Json.mapper().createObjectNode().put("dataset", "data").put("trainLimit", 100);
        assertThatThrownBy(() -> new LstmSpec().read(new RunConfig("lstm", withImageLimit)))
                .isInstanceOfSatisfying(InvalidRunConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("trainLimit");
                    assertThat(e.getMessage()).startsWith("trainLimit: ").contains("not a setting of the lstm model");
                });
    }

    @Test
    void refusesASplitThatLeavesNoTestWindowsWithTheCounts() {
        assertRefused(lstm(null, 5, null, null, "2023-06-01"), "splitDate",
                "make 778 training windows and 0 test windows");
    }

    @Test
    void refusesASplitThatLeavesNoTrainingWindowsWithTheCounts() {
        assertRefused(lstm(null, 5, null, null, "2019-01-01"), "splitDate", "make 0 training windows and 778 test");
        // Six days before the split: one training window only, nothing left to validate with.
        assertRefused(lstm(null, 5, "2021-12-24", null, "2022-01-01"), "splitDate", "make 1 training windows");
    }

    private static void assertRefused(SeriesSettings settings, String field, String messagePart) {
        assertRefused(settings, SPANS_2022, field, messagePart);
    }

    private static void assertRefused(SeriesSettings settings, ParsedPrices prices, String field,
            String messagePart) {
        assertThatThrownBy(() -> settings.resolve(prices))
                .as(field)
                .isInstanceOfSatisfying(InvalidRunConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ").contains(messagePart);
                });
    }
}
