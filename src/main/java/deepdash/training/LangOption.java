package deepdash.training;

import deepdash.i18n.Lang;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --lang en|ko} for every command: the language of the help and the progress bar. Without it
 * the terminal's locale decides ({@code LANG=ko_KR.UTF-8} is Korean). The help is printed before
 * the options are bound, so {@link #of(String[], Map)} reads the flag from the raw arguments.
 */
public final class LangOption {

    @Option(names = "--lang", paramLabel = "en|ko", converter = Converter.class,
            description = "Language of the help and the progress bar: en or ko (default: from LANG)")
    Lang lang;

    /** The chosen language, or the one {@code env}'s locale variables name. */
    public Lang resolve(Map<String, String> env) {
        return lang != null ? lang : fromEnvironment(env);
    }

    /** The language {@code --lang} names in {@code args} (its last use), else the one of {@code env}'s locale. */
    public static Lang of(String[] args, Map<String, String> env) {
        Lang chosen = null;
        for (int i = 0; i < args.length; i++) {
            String value = args[i].equals("--lang") && i + 1 < args.length ? args[i + 1]
                    : args[i].startsWith("--lang=") ? args[i].substring("--lang=".length()) : null;
            if (value != null) {
                chosen = Lang.byCode(value).orElse(chosen);
            }
        }
        return chosen != null ? chosen : fromEnvironment(env);
    }

    private static Lang fromEnvironment(Map<String, String> env) {
        return Lang.fromPosix(env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG"));
    }

    static final class Converter implements ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            return Lang.byCode(value).orElseThrow(() -> new TypeConversionException("expected en or ko, got '"
                    + value + "'"));
        }
    }
}
