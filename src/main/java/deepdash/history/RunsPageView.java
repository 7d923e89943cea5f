package deepdash.history;

import java.util.List;

/**
 * Input of {@code runs/list.jte}.
 *
 * @param models the choices of the model filter
 * @param statuses the choices of the status filter
 * @param deleted the id of a run just deleted, to confirm it; null otherwise
 */
public record RunsPageView(RunTableView table, List<String> models, List<String> statuses, String deleted) {
}
