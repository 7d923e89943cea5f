package deepdash.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The heap is given back after a large upload, once, and not after small ones. */
class HeapReleaseTest {

    @Test
    void collectsOnceAfterARequestAndNotWithoutOne() throws InterruptedException {
        AtomicInteger collections = new AtomicInteger();
        CountDownLatch collected = new CountDownLatch(1);
        HeapRelease release = new HeapRelease(() -> {
            collections.incrementAndGet();
            collected.countDown();
        });

        release.releaseIfRequested();
        release.request();
        release.request();
        release.releaseIfRequested();
        release.releaseIfRequested();

        assertThat(collected.await(30, TimeUnit.SECONDS)).isTrue();
        // Another collection would have been started by now if the request had not been used up.
        Thread.sleep(500);
        assertThat(collections).hasValue(1);
    }
}
