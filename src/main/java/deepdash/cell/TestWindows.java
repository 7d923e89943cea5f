package deepdash.cell;

import deepdash.i18n.Text;
import deepdash.model.SeriesSettings;
import deepdash.prices.ParsedPrices;
import deepdash.series.WindowedSeries;
import deepdash.web.BadRequestException;
import java.time.LocalDate;
import java.util.List;

/**
 * A series run's test windows, rebuilt from its copy of the prices and its stored settings exactly
 * as the worker built them ({@link SeriesSettings#resolve} then {@link WindowedSeries}), so a day's
 * inputs here are the inputs its forecast was made from.
 */
final class TestWindows {

    /**
     * One test day's window.
     *
     * @param testIndex the day's place among the test days (its index in {@code forecast.json})
     * @param inputDates the window's days, oldest first
     * @param inputPrices the window's prices in price units
     * @param inputs what the network read: the prices scaled (the seed's recipe) or the days' standardised
     *     returns (the returns recipe)
     * @param actual the day's real price
     */
    record DayWindow(LocalDate date, int testIndex, List<LocalDate> inputDates, double[] inputPrices,
            float[] inputs, double actual, WindowedSeries series, int target) {

        /** The price a model output for this window stands for, in the run's recipe. */
        double price(double output) {
            return series.price(target, output);
        }
    }

    private final WindowedSeries series;
    private final List<LocalDate> allDates;
    private final int firstRow;

    private TestWindows(WindowedSeries series, List<LocalDate> allDates, int firstRow) {
        this.series = series;
        this.allDates = allDates;
        this.firstRow = firstRow;
    }

    /** The run's windows, built by {@link WindowedSeries} in the run's recipe and horizon, as the worker built them. */
    static TestWindows rebuild(SeriesSettings settings, ParsedPrices prices) {
        WindowedSeries series = settings.resolve(prices).series();
        // The series is the contiguous run of rows from its first date on.
        int firstRow = prices.dates().indexOf(series.firstDate());
        return new TestWindows(series, prices.dates(), firstRow);
    }

    /** The target dates of the test windows, in order. */
    List<LocalDate> days() {
        return series.targetDates(series.firstTestTarget(), series.testWindows());
    }

    /**
     * @throws BadRequestException (400, field {@code date}) when {@code date} is not a test day
     */
    DayWindow window(LocalDate date) {
        List<LocalDate> days = days();
        int index = days.indexOf(date);
        if (index < 0) {
            throw new BadRequestException("date", Text.of("error.cell.not_test_day", date, days.size(), days.get(0),
                    days.get(days.size() - 1)));
        }
        int target = series.firstTestTarget() + index;
        int window = series.window();
        // The window ends on the day the forecast is made from, the horizon before its target.
        int last = target - series.horizon();
        float[] inputs = series.scaledInputs(target, 1);
        double[] inputPrices = series.targets(last - window + 1, window);
        List<LocalDate> inputDates = allDates.subList(firstRow + last - window + 1, firstRow + last + 1);
        return new DayWindow(date, index, List.copyOf(inputDates), inputPrices, inputs,
                series.targets(target, 1)[0], series, target);
    }
}
