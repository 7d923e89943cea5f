package deepdash.explore;

import deepdash.errors.UserError;
import deepdash.i18n.Text;
import java.util.Locale;

/** The two halves of MNIST, as they are named in URLs. */
public enum MnistSplit {
    TRAIN("train"),
    TEST("test");

    private final String urlName;

    MnistSplit(String urlName) {
        this.urlName = urlName;
    }

    public String urlName() {
        return urlName;
    }

    /**
     * @param field the request part the name came from, named in the refusal
     * @throws UserError 400 when {@code name} is neither "train" nor "test"
     */
    public static MnistSplit parse(String name, String field) {
        for (MnistSplit split : values()) {
            if (split.urlName.equals(name)) {
                return split;
            }
        }
        throw UserError.badRequest(field, Text.of("error.mnist.split", name == null ? "" : name));
    }

    @Override
    public String toString() {
        return urlName;
    }
}
