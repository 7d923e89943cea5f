package deepdash.web;

/** Input of {@code error-page.jte}: a whole page for a browser that navigated to a bad address. */
public record ErrorPageView(int status, String message) {
}
