package deepdash.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the jte templates that the Maven build precompiled from {@code templates/}. */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Object view) {
        StringOutput output = new StringOutput();
        engine.render(template, view, output);
        return output.toString();
    }

    public void render(Context ctx, String template, Object view) {
        ctx.html(render(template, view));
    }
}
