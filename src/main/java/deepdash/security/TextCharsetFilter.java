package deepdash.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Adds {@code charset=utf-8} to every {@code text/*} content type that has none (pages, fragments,
 * CSS, JavaScript, CSV, event streams), so no browser guesses the encoding. Everything DeepDash
 * writes is UTF-8. A servlet filter because the content type is set in many places (Javalin, its
 * static file handler, the SSE client), some after the response has started.
 */
final class TextCharsetFilter implements Filter {

    static final String CHARSET = "charset=utf-8";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            chain.doFilter(request, new Utf8TextResponse(http));
        } else {
            chain.doFilter(request, response);
        }
    }

    static String withCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (lower.startsWith("text/") && !lower.contains("charset=")) {
            return contentType.strip() + "; " + CHARSET;
        }
        return contentType;
    }

    private static final class Utf8TextResponse extends HttpServletResponseWrapper {

        Utf8TextResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            if (type != null && !type.toLowerCase(Locale.ROOT).contains("charset=")
                    && !type.toLowerCase(Locale.ROOT).startsWith("text/")) {
                // Javalin starts every response as text/plain, which now carries utf-8; without this, Jetty
                // would carry that charset over to a later application/zip or application/json.
                super.setCharacterEncoding(null);
            }
            super.setContentType(withCharset(type));
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                setContentType(value);
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                setContentType(value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
