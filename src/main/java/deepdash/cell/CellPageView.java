package deepdash.cell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Input of {@code cell/page.jte} and {@code cell/trace.jte}: one run's test days to pick from and
 * the picked day's walk through the network.
 *
 * @param modelTitle the model's title, e.g. {@code LSTM}
 * @param days the test days, in order
 */
public record CellPageView(String runId, String modelTitle, List<LocalDate> days, CellTrace trace,
        RecurrentCell cell) {

    /** One row of the page: a time step of one layer. */
    public record StepRow(int step, String date, String input, List<HeatMap> maps, String reading) {
    }

    /** One recurrent layer's rows. */
    public record LayerView(int number, int units, List<StepRow> rows) {
    }

    public String pageUrl() {
        return CellController.PAGE.replace("{id}", runId);
    }

    public String fragmentUrl() {
        return CellController.FRAGMENT.replace("{id}", runId);
    }

    public String apiUrl() {
        return CellController.API.replace("{id}", runId) + "?date=" + trace.date();
    }

    public String runUrl() {
        return "/runs/" + runId;
    }

    public String date() {
        return trace.date().toString();
    }

    public List<String> columns() {
        List<String> columns = new ArrayList<>(cell.gateNames());
        if (cell.hasCellState()) {
            columns.add("cell");
        }
        columns.add("hidden");
        return columns;
    }

    public List<LayerView> layers() {
        List<LayerView> layers = new ArrayList<>();
        for (int l = 0; l < trace.layers().size(); l++) {
            CellLayer layer = trace.layers().get(l);
            List<StepRow> rows = new ArrayList<>();
            for (int t = 0; t < layer.steps().size(); t++) {
                CellStep step = layer.steps().get(t);
                List<HeatMap> maps = new ArrayList<>();
                step.gates().forEach((name, values) -> maps.add(new HeatMap(name, values,
                        isSigned(name) ? HeatMap.SIGNED : HeatMap.UNIT)));
                if (step.cell() != null) {
                    maps.add(new HeatMap("cell", step.cell(), HeatMap.SIGNED));
                }
                maps.add(new HeatMap("hidden", step.hidden(), HeatMap.SIGNED));
                String input = l == 0
                        ? String.format(Locale.US, "%s (the network reads %.4f)", price(trace.inputPrices()[t]),
                                trace.inputs()[t])
                        : "layer " + l + "'s hidden state";
                rows.add(new StepRow(t + 1, trace.inputDates().get(t).toString(), input, maps,
                        CellReading.of(step, t == 0)));
            }
            layers.add(new LayerView(l + 1, layer.units(), rows));
        }
        return layers;
    }

    public String forecast() {
        return price(trace.forecast());
    }

    public String recordedForecast() {
        return trace.recordedForecast() == null ? "–" : price(trace.recordedForecast());
    }

    public String actual() {
        return price(trace.actual());
    }

    /** The candidate is a tanh, between -1 and 1; the gates are sigmoids, between 0 and 1. */
    private static boolean isSigned(String gate) {
        return gate.equals(LstmCell.CANDIDATE) || gate.equals(GruCell.CANDIDATE);
    }

    private static String price(double value) {
        return String.format(Locale.US, "%,.2f", value);
    }
}
