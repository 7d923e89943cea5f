package deepdash.cell;

import deepdash.i18n.Messages;
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
        return layers(Messages.ENGLISH);
    }

    /** The layers with their inputs and readings in {@code t}'s language. */
    public List<LayerView> layers(Messages t) {
        List<LayerView> layers = new ArrayList<>();
        for (int l = 0; l < trace.layers().size(); l++) {
            CellLayer layer = trace.layers().get(l);
            List<StepRow> rows = new ArrayList<>();
            for (int step = 0; step < layer.steps().size(); step++) {
                CellStep cellStep = layer.steps().get(step);
                List<HeatMap> maps = new ArrayList<>();
                cellStep.gates().forEach((name, values) -> maps.add(new HeatMap(name, values,
                        isSigned(name) ? HeatMap.SIGNED : HeatMap.UNIT)));
                if (cellStep.cell() != null) {
                    maps.add(new HeatMap("cell", cellStep.cell(), HeatMap.SIGNED));
                }
                maps.add(new HeatMap("hidden", cellStep.hidden(), HeatMap.SIGNED));
                String input = l == 0
                        ? t.get("cell.input.price", price(trace.inputPrices()[step]),
                                String.format(Locale.US, "%.4f", trace.inputs()[step]))
                        : t.get("cell.input.layer", l);
                rows.add(new StepRow(step + 1, trace.inputDates().get(step).toString(), input, maps,
                        CellReading.of(cellStep, step == 0, t)));
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
