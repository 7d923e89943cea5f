package deepdash.drawings;

import java.util.List;

/**
 * The saved drawings, newest first, and the files that could not be read (skipped, never fatal).
 *
 * @param drawings every drawing that could be read
 * @param unreadable one line per skipped file: its name and what is wrong with it
 */
public record DrawingListing(List<Drawing> drawings, List<String> unreadable) {

    public DrawingListing {
        drawings = List.copyOf(drawings);
        unreadable = List.copyOf(unreadable);
    }
}
