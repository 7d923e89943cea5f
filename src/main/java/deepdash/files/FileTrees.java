package deepdash.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting a folder and everything in it, the one way DeepDash does it. */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes {@code top} and everything under it; nothing when it does not exist. Links inside are
     * removed, never followed, and a link in place of {@code top} is removed, not what it points to,
     * so nothing outside the folder is ever touched.
     */
    public static void deleteTree(Path top) throws IOException {
        if (Files.isSymbolicLink(top)) {
            Files.delete(top);
            return;
        }
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
