package deepdash.cell;

import java.util.List;

/** One recurrent layer's walk through a window: one {@link CellStep} per day, oldest first. */
public record CellLayer(int units, List<CellStep> steps) {
}
