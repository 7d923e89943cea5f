package deepdash.forecast;

import deepdash.model.ModelSummary;
import deepdash.runs.RunPanelView;

/**
 * Input of {@code prices/page.jte}.
 *
 * @param summary the architecture of the model the form has selected
 * @param dataset the dataset shown first (the newest upload, else the sample); null when there is none
 * @param latestRun the newest run of a forecasting model, shown live; null before the first
 * @param latestResult that run's forecast when it has one; null otherwise
 * @param maxUploadBytes the upload limit, so the page can refuse a larger file before sending it
 * @param fromRun the run whose settings fill the form ("train again with these settings"); null otherwise
 */
public record ForecastPageView(ModelSummary summary, DatasetPanelView dataset, RunPanelView latestRun,
        ForecastResultView latestResult, long maxUploadBytes, String fromRun) {

    public ForecastPageView(ModelSummary summary, DatasetPanelView dataset, RunPanelView latestRun,
            ForecastResultView latestResult, long maxUploadBytes) {
        this(summary, dataset, latestRun, latestResult, maxUploadBytes, null);
    }

    public long maxUploadMegabytes() {
        return maxUploadBytes / (1024 * 1024);
    }
}
