package deepdash.coach;

/**
 * One thing the coach read in a run's curves.
 *
 * @param epoch the epoch the note is about (1-based, as on the charts), or null for the run as a whole
 * @param kind what was seen, one of the {@code CurveCoach} kinds ({@code best_epoch}, {@code overfitting}...)
 * @param text the note as the pages show it, with the figures behind it
 */
public record Note(Integer epoch, String kind, String text) {
}
