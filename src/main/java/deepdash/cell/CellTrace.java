package deepdash.cell;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code GET /api/runs/{id}/cell?date=} answers: one test day's window walked through the
 * trained network in plain Java, every gate of every step of every recurrent layer.
 *
 * @param model the run's model ({@code lstm}, {@code gru}, {@code rnn})
 * @param cellType the layers' kind as Keras names it ({@code LSTM}, {@code GRU}, {@code SimpleRNN})
 * @param gateNames the keys of every step's {@code gates}, in order (none for a plain RNN)
 * @param inputDates the window's days, oldest first, one per step
 * @param inputs the scaled prices the network read, one per step
 * @param inputPrices the same in price units
 * @param layers the recurrent layers, first (reading the inputs) first
 * @param forecast the network's forecast for the day computed here, in price units
 * @param scaledForecast the same in scaled units
 * @param recordedForecast what the worker wrote in {@code forecast.json} for the day, in price
 *     units; equal to {@code forecast} within float rounding
 * @param actual the day's real price
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellTrace(
        String runId,
        String model,
        String cellType,
        LocalDate date,
        List<String> gateNames,
        List<LocalDate> inputDates,
        float[] inputs,
        double[] inputPrices,
        List<CellLayer> layers,
        double forecast,
        double scaledForecast,
        Double recordedForecast,
        double actual,
        String target) {
}
