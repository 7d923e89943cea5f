package deepdash.coach;

import deepdash.web.RequestLanguage;
import io.javalin.config.JavalinConfig;

/** {@code GET /api/runs/{id}/notes}: the coach's notes as {@code [{"epoch","kind","text"}]}. */
public final class CoachController {

    public static final String NOTES = "/api/runs/{id}/notes";

    private final CoachService coach;

    public CoachController(CoachService coach) {
        this.coach = coach;
    }

    public static String notesPath(String runId) {
        return NOTES.replace("{id}", runId);
    }

    public void register(JavalinConfig config) {
        config.routes.get(NOTES, ctx -> ctx.json(coach.notes(ctx.pathParam("id"), RequestLanguage.messages(ctx))));
    }
}
