package deepdash.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two bundles say the same things: same keys, patterns that parse, the same arguments. */
class MessagesBundleTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyKeyIsInBothBundles() {
        Set<String> english = own("messages.properties").stringPropertyNames();
        Set<String> korean = own("messages_ko.properties").stringPropertyNames();
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(korean);
        Set<String> onlyKorean = new TreeSet<>(korean);
        onlyKorean.removeAll(english);
        assertThat(onlyEnglish).as("keys missing from messages_ko.properties").isEmpty();
        assertThat(onlyKorean).as("keys missing from messages.properties").isEmpty();
        assertThat(english).hasSizeGreaterThan(100);
    }

    @Test
    void koreanBundleOwnsItsKeysAndDoesNotFallBackToEnglish() {
        // getNoFallbackControl keeps the chain to messages_ko -> messages; handleKeySet is its own keys only.
        List<String> sameAsEnglish = new ArrayList<>();
        for (String key : Messages.ENGLISH.keys()) {
            String en = Messages.bundle(Lang.EN).getString(key);
            String ko = Messages.bundle(Lang.KO).getString(key);
            if (en.equals(ko) && en.chars().anyMatch(Character::isLetter) && !key.startsWith("lang.")
                    && !SAME_IN_BOTH.contains(key)) {
                sameAsEnglish.add(key);
            }
        }
        assertThat(sameAsEnglish).as("keys whose Korean is the English text").isEmpty();
    }

    // Names that are the same in both languages: Keras names, units, the app's name.
    private static final Set<String> SAME_IN_BOTH = Set.of("app.name", "forecast.verdict.p");

    @Test
    void everyPatternParsesAndTakesTheSameArgumentsInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(Messages.ENGLISH.keys())) {
            String en = Messages.bundle(Lang.EN).getString(key);
            String ko = Messages.bundle(Lang.KO).getString(key);
            for (String pattern : List.of(en, ko)) {
                // A lone apostrophe quotes the rest of a pattern and silently drops its arguments.
                if (pattern.replace("'{'", "").replace("'}'", "").replace("''", "").contains("'")) {
                    problems.add(key + ": a lone ' (write '') in \"" + pattern + "\"");
                }
                try {
                    new MessageFormat(pattern, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            }
            if (!arguments(en).equals(arguments(ko))) {
                problems.add(key + ": English uses " + arguments(en) + ", Korean " + arguments(ko));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void koreanIsReadAsUtf8() {
        assertThat(Messages.KOREAN.get("error.run.not_found", "x")).isEqualTo("ID가 \"x\"인 실행이 없습니다");
    }

    @Test
    void numbersAndDatesReadTheSameInBothLanguages() {
        assertThat(Messages.ENGLISH.get("error.run.not_found", 12345.5)).contains("12345.5");
        assertThat(Messages.KOREAN.get("error.run.not_found", 12345.5)).contains("12345.5");
        assertThat(Messages.KOREAN.get("error.run.not_found", java.time.LocalDate.of(2024, 3, 1)))
                .contains("2024-03-01");
    }

    @Test
    void htmlPatternsEscapeTheirArgumentsAndScriptTextsCannotCloseTheirBlock() {
        assertThat(Messages.ENGLISH.html("runs.deleted", "<b>&\"x\"</b>"))
                .isEqualTo("Run <code>&lt;b&gt;&amp;&#34;x&#34;&lt;/b&gt;</code> was deleted.");
        String json = Messages.KOREAN.scriptTexts();
        assertThat(json).startsWith("{\"js.").doesNotContain("<", ">", "''")
                .contains("\"js.draw.sure\":\"확신 {0}%\"");
        assertThat(Messages.ENGLISH.scriptTexts()).contains("\"js.draw.savedAs\":\"Saved as a {0} \u2014 see\"")
                .doesNotContain("\"error.");
    }

    @Test
    void aMissingKeyIsABug() {
        assertThatThrownBy(() -> Messages.KOREAN.get("no.such.key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void languageComesFromTheHeaderTheCookieCodeOrThePosixLocale() {
        assertThat(Lang.fromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8")).isEqualTo(Lang.KO);
        assertThat(Lang.fromAcceptLanguage("de-DE,en;q=0.5,ko;q=0.4")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("fr")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("%%%")).isEqualTo(Lang.EN);
        assertThat(Lang.fromAcceptLanguage(null)).isEqualTo(Lang.EN);
        assertThat(Lang.byCode("KO")).contains(Lang.KO);
        assertThat(Lang.byCode("jp")).isEmpty();
        assertThat(Lang.fromPosix(null, null, "ko_KR.UTF-8")).isEqualTo(Lang.KO);
        assertThat(Lang.fromPosix("C.UTF-8", null, "ko_KR.UTF-8")).isEqualTo(Lang.EN);
        assertThat(Lang.fromPosix("", "", "en_US.UTF-8")).isEqualTo(Lang.EN);
        assertThat(Lang.fromPosix(null, null, null)).isEqualTo(Lang.EN);
    }

    /** One file's own keys (a ResourceBundle's key set includes its parent's). */
    static Properties own(String file) {
        Properties properties = new Properties();
        try (var in = MessagesBundleTest.class.getResourceAsStream("/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        var m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
