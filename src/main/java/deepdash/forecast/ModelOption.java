package deepdash.forecast;

/** One forecasting model the Forecast page offers, and whether the form has it selected. */
public record ModelOption(String name, String title, boolean selected) {
}
