package deepdash.web;

import deepdash.i18n.Messages;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the jte templates that the Maven build precompiled from {@code templates/}.
 *
 * <p>Every template takes its view record and, to word its texts, {@code @param deepdash.i18n.Messages t}
 * in the request's language ({@link RequestLanguage}); it passes {@code t = t} to the templates it calls.
 */
public final class Templates {

    /** The name of the parameter that carries the texts. */
    public static final String TEXTS_PARAM = "t";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, String> viewParams = new ConcurrentHashMap<>();

    /** Renders in English, for callers without a request. */
    public String render(String template, Object view) {
        return render(template, view, Messages.ENGLISH);
    }

    public String render(String template, Object view, Messages texts) {
        Map<String, Object> params = new HashMap<>();
        params.put(viewParam(template), view);
        params.put(TEXTS_PARAM, texts);
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }

    /** Renders in the request's language. */
    public void render(Context ctx, String template, Object view) {
        ctx.html(render(template, view, RequestLanguage.messages(ctx)));
    }

    /** The template's one parameter besides {@code t} (most call it {@code view}). */
    private String viewParam(String template) {
        return viewParams.computeIfAbsent(template, name -> engine.getParamInfo(name).keySet().stream()
                .filter(param -> !TEXTS_PARAM.equals(param))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " takes no view")));
    }
}
