package deepdash.files;

import java.nio.file.Path;

/** Where runs and uploads live when the user does not say: {@code ~/.deepdash}. */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve(Path chosen) {
        if (chosen != null && !chosen.toString().isBlank()) {
            return chosen.toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".deepdash");
    }
}
