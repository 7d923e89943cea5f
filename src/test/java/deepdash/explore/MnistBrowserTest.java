package deepdash.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.errors.UserError;
import org.junit.jupiter.api.Test;

/** The browser service on its own: lazy loading per split, and what the first look costs. */
class MnistBrowserTest {

    @Test
    void eachSplitLoadsWhenFirstAskedAndAnswersQuicklyAfter() {
        MnistBrowser browser = MnistBrowser.fromJar();
        long started = System.nanoTime();
        MnistDigit first = browser.digit(MnistSplit.TEST, 0);
        long testMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        browser.digit(MnistSplit.TEST, 1);
        long againMicros = (System.nanoTime() - started) / 1_000;
        started = System.nanoTime();
        MnistDigit train = browser.digit(MnistSplit.TRAIN, 0);
        long trainMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("first test digit %d ms (loads 10,000 images), next %d µs; first training digit %d ms "
                + "(loads 60,000)%n", testMillis, againMicros, trainMillis);

        assertThat(first.label()).isEqualTo(7);
        assertThat(first.shapeLine()).isEqualTo("shape (28, 28), max 255, min 0");
        assertThat(first.shapeLine(deepdash.i18n.Messages.KOREAN)).isEqualTo("shape (28, 28), 최댓값 255, 최솟값 0");
        assertThat(train.label()).isEqualTo(5);
        assertThat(browser.labelCounts(MnistSplit.TEST)).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028,
                974, 1009);
        assertThat(browser.count(MnistSplit.TRAIN)).isEqualTo(60_000);
    }

    @Test
    void refusalsNameTheField() {
        MnistBrowser browser = MnistBrowser.fromJar();
        assertThatThrownBy(() -> browser.digit(MnistSplit.TEST, 10_000)).isInstanceOf(UserError.class)
                .hasMessageStartingWith("index: ").extracting(e -> ((UserError) e).status()).isEqualTo(404);
        assertThatThrownBy(() -> browser.page(MnistSplit.TEST, 11, 0, 10)).hasMessageStartingWith("label: ");
        assertThatThrownBy(() -> MnistSplit.parse("valid", "split")).hasMessageStartingWith("split: ");
    }
}
