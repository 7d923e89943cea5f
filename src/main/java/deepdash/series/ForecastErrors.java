package deepdash.series;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far a forecast is from the real prices over the test days: in price units, and in the
 * scaler's units as the seed's {@code model.evaluate} printed them (its loss was the MSE).
 *
 * @param mae mean absolute error in price units
 * @param rmse root mean squared error in price units
 * @param mseScaled mean squared error of the scaled values
 * @param maeScaled mean absolute error of the scaled values
 */
public record ForecastErrors(
        double mae,
        double rmse,
        @JsonProperty("mse_scaled") double mseScaled,
        @JsonProperty("mae_scaled") double maeScaled) {

    /**
     * @param actual the real prices
     * @param predicted the forecast prices, one per real price
     * @param scaler the scaler fitted on the training part
     */
    public static ForecastErrors of(double[] actual, double[] predicted, MinMaxScaler scaler) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many forecasts as prices, at least one; got "
                    + predicted.length + " for " + actual.length);
        }
        double absSum = 0;
        double squareSum = 0;
        double scaledAbsSum = 0;
        double scaledSquareSum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = predicted[i] - actual[i];
            absSum += Math.abs(error);
            squareSum += error * error;
            double scaledError = scaler.scale(predicted[i]) - scaler.scale(actual[i]);
            scaledAbsSum += Math.abs(scaledError);
            scaledSquareSum += scaledError * scaledError;
        }
        int n = actual.length;
        return new ForecastErrors(absSum / n, Math.sqrt(squareSum / n), scaledSquareSum / n, scaledAbsSum / n);
    }
}
