package deepdash.web;

import deepdash.i18n.Lang;
import deepdash.i18n.Messages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * The language of a request: {@code ?lang=ko|en} (the nav's switch, which also sets the cookie), else
 * the {@code lang} cookie, else the browser's {@code Accept-Language}, else English. Routes and
 * {@link Templates} ask {@link #messages(Context)}; nothing else reads the cookie or the header.
 */
public final class RequestLanguage {

    public static final String COOKIE = "lang";
    public static final String PARAM = "lang";
    static final int COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

    private RequestLanguage() {
    }

    /** Sets the cookie when a request asks for a language with {@code ?lang=}, so it works without JS. */
    public static void register(JavalinConfig config) {
        config.routes.before(ctx -> chosen(ctx).ifPresent(lang -> {
            Cookie cookie = new Cookie(COOKIE, lang.code());
            cookie.setPath("/");
            cookie.setMaxAge(COOKIE_MAX_AGE_SECONDS);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            ctx.cookie(cookie);
        }));
    }

    public static Lang lang(Context ctx) {
        return chosen(ctx)
                .or(() -> Lang.byCode(ctx.cookie(COOKIE)))
                .orElseGet(() -> Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
    }

    public static Messages messages(Context ctx) {
        return Messages.of(lang(ctx));
    }

    private static Optional<Lang> chosen(Context ctx) {
        return Lang.byCode(ctx.queryParam(PARAM));
    }
}
