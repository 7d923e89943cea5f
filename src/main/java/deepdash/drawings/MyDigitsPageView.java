package deepdash.drawings;

/**
 * Input of {@code drawings/page.jte}, the My digits page.
 *
 * @param grid the saved drawings; the score table is loaded after the page
 */
public record MyDigitsPageView(DrawingGridView grid) {

    public String scoresUrl() {
        return DrawingController.UI_SCORES;
    }

    /** What reloads the score table: the page's first load and every change to the drawings. */
    public String scoresTrigger() {
        return "load, " + DrawingController.CHANGED_EVENT + " from:body";
    }
}
