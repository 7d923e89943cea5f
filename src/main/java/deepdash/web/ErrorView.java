package deepdash.web;

/** Input of the {@code error.jte} fragment that htmx swaps in where a form's result would go. */
public record ErrorView(String message) {
}
