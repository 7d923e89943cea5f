package deepdash.prices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the synthetic daily price series shipped as {@code data/prices/sample-synthetic-prices.csv},
 * in Yahoo Finance's export format ({@code Date,Open,High,Low,Close,Adj Close,Volume}).
 *
 * <p>Prices follow geometric Brownian motion, so the sample is legal to ship and behaves like a
 * stock without being one. Each day's move is split into an overnight part (close to open, a fifth
 * of the variance) and an intraday part (open to close), so that close-to-close moves are exactly
 * the GBM step. High and low reach beyond open and close by a random amount. There are no
 * dividends, so {@code Adj Close} equals {@code Close}. Days are Monday to Friday; holidays are
 * not left out.
 *
 * <p>{@link Random} is used, not a faster generator, because its sequence for a seed is fixed by
 * its specification: the same seed gives the same file on every JVM.
 */
public final class SamplePriceGenerator {

    /** The seed the shipped sample was generated with. */
    public static final long DEFAULT_SEED = 20150102L;

    /** The shipped sample's first day, a Friday. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 2);

    /** The shipped sample's last day, a Friday. */
    public static final LocalDate LAST_DAY = LocalDate.of(2023, 12, 29);

    /** Where {@link #main} writes, relative to the project root. */
    public static final Path DEFAULT_OUTPUT = Path.of("data", "prices", "sample-synthetic-prices.csv");

    private static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
    private static final double TRADING_DAYS_PER_YEAR = 252;
    private static final double ANNUAL_DRIFT = 0.08;
    private static final double ANNUAL_VOLATILITY = 0.25;
    private static final double OVERNIGHT_VARIANCE_SHARE = 0.2;
    private static final double START_PRICE = 50.0;
    private static final double MEDIAN_VOLUME = 5_000_000;
    private static final double VOLUME_SPREAD = 0.3;

    private final long seed;

    /** @param seed fixes the series: the same seed always gives the same prices */
    public SamplePriceGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * The series from {@code firstDay} to {@code lastDay}, both included, as CSV text with a header
     * line and LF line ends.
     */
    public String csv(LocalDate firstDay, LocalDate lastDay) {
        Random random = new Random(seed);
        double dailyVolatility = ANNUAL_VOLATILITY / Math.sqrt(TRADING_DAYS_PER_YEAR);
        // Itô's correction keeps the expected growth at ANNUAL_DRIFT.
        double dailyLogDrift = (ANNUAL_DRIFT - ANNUAL_VOLATILITY * ANNUAL_VOLATILITY / 2) / TRADING_DAYS_PER_YEAR;

        StringBuilder out = new StringBuilder(HEADER).append('\n');
        double close = START_PRICE;
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            double open = close * Math.exp(OVERNIGHT_VARIANCE_SHARE * dailyLogDrift
                    + Math.sqrt(OVERNIGHT_VARIANCE_SHARE) * dailyVolatility * random.nextGaussian());
            close = open * Math.exp((1 - OVERNIGHT_VARIANCE_SHARE) * dailyLogDrift
                    + Math.sqrt(1 - OVERNIGHT_VARIANCE_SHARE) * dailyVolatility * random.nextGaussian());
            double high = Math.max(open, close) * Math.exp(Math.abs(random.nextGaussian()) * dailyVolatility / 2);
            double low = Math.min(open, close) * Math.exp(-Math.abs(random.nextGaussian()) * dailyVolatility / 2);
            long volume = Math.round(MEDIAN_VOLUME * Math.exp(VOLUME_SPREAD * random.nextGaussian()));
            out.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.4f,%d",
                    day, open, high, low, close, close, volume)).append('\n');
        }
        return out.toString();
    }

    /**
     * Writes the shipped sample: {@code DEFAULT_SEED}, {@code FIRST_DAY} to {@code LAST_DAY}.
     *
     * @param args optionally the file to write; {@link #DEFAULT_OUTPUT} when there is none
     */
    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        String csv = new SamplePriceGenerator(DEFAULT_SEED).csv(FIRST_DAY, LAST_DAY);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, csv, StandardCharsets.UTF_8);
        System.out.println("wrote " + (csv.lines().count() - 1) + " days to " + output);
    }
}
