package deepdash.runs;

import java.util.List;

/**
 * One page of a run listing, newest first.
 *
 * @param total how many runs match the query's filters, on all pages
 */
public record RunPage(List<RunView> runs, int total, RunQuery query) {

    public RunPage {
        runs = List.copyOf(runs);
    }

    public boolean hasPrevious() {
        return query.offset() > 0;
    }

    public boolean hasNext() {
        return query.offset() + runs.size() < total;
    }
}
