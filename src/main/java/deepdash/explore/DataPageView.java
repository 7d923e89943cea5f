package deepdash.explore;

import java.util.Locale;

/**
 * Input of {@code explore/page.jte}: the MNIST browser (grid and, when one is picked, a digit) and
 * the image inspector.
 *
 * @param grid the page of digits shown
 * @param detail the digit opened, or null
 * @param maxImageBytes the largest image file the inspector accepts
 */
public record DataPageView(DigitGridView grid, DigitDetailView detail, long maxImageBytes) {

    public String inspectUrl() {
        return ExploreController.INSPECT;
    }

    public String maxImageMegabytes() {
        return String.format(Locale.ROOT, "%.0f MB", maxImageBytes / (1024.0 * 1024.0));
    }
}
