package deepdash.cnn;

import deepdash.model.ModelSummary;
import deepdash.protocol.RunConfig;
import deepdash.runs.RunView;

/**
 * Input of {@code cnn/page.jte}.
 *
 * @param latestRun the newest CNN run, shown live below the form; null before the first run
 */
public record CnnPageView(ModelSummary summary, RunConfig defaults, RunView latestRun) {
}
