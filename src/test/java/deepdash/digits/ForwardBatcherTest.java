package deepdash.digits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import deepdash.engine.MxnetDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ForwardBatcher} with a fake forward pass on a real dispatcher thread: what waits is stacked
 * into one pass, lanes do not mix, a failing input fails only its own request.
 */
@Timeout(30)
class ForwardBatcherTest {

    /** An input whose first value is this makes the fake pass throw, as a poisoned input would. */
    private static final float POISON = 0.5f;

    private final MxnetDispatcher mxnet = new MxnetDispatcher();
    private final ExecutorService clients = Executors.newFixedThreadPool(16);
    /** The sizes of the passes the fake ran, with their lane. */
    private final List<String> passes = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        clients.shutdownNow();
        mxnet.close();
    }

    /** Logit 0 is the input's first value, logit 1 the size of its pass; one fake map per input. */
    private Activations[] fake(String modelId, boolean withFeatureMaps, float[][] inputs) {
        threads.add(Thread.currentThread().getName());
        passes.add(modelId + "/" + withFeatureMaps + "/" + inputs.length);
        Activations[] results = new Activations[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i][0] == POISON) {
                throw new InvalidDigitInputException("poisoned input");
            }
            results[i] = new Activations(new float[] {inputs[i][0], inputs.length},
                    withFeatureMaps ? List.of(new Activations.RawMaps(1, 1, 1, new float[] {inputs[i][0]})) : List.of());
        }
        return results;
    }

    private static float[] input(float first) {
        float[] pixels = new float[DigitPreprocessor.PIXEL_COUNT];
        pixels[0] = first;
        return pixels;
    }

    /** Holds the MXNet thread until the latch opens, as a long forward pass would. */
    private CountDownLatch blockMxnet() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        mxnet.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        return release;
    }

    private List<Future<Activations>> submit(ForwardBatcher batcher, String model, boolean maps, float... firsts) {
        List<Future<Activations>> answers = new ArrayList<>();
        for (float first : firsts) {
            answers.add(clients.submit(() -> batcher.forward(model, maps, input(first))));
        }
        return answers;
    }

    private static void awaitQueued(ForwardBatcher batcher, String model, boolean maps, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batcher.queued(model, maps) < count) {
            assertThat(System.nanoTime()).as("requests queued in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aLoneRequestRunsAtOnceOnTheMxnetThread() {
        ForwardBatcher batcher = new ForwardBatcher(mxnet, this::fake, 64, TimeUnit.SECONDS.toNanos(5));

        long start = System.nanoTime();
        Activations answer = batcher.forward("m", false, input(0.25f));

        assertThat(answer.logits()).containsExactly(0.25f, 1f);
        // Nothing is arriving, so the pass does not wait out its 5 s.
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(threads).containsExactly("mxnet-dispatcher");
    }

    @Test
    void requestsThatArriveWhileAPassRunsShareTheNextOneAndEachGetsItsOwnSlice() throws Exception {
        ForwardBatcher batcher = new ForwardBatcher(mxnet, this::fake, 64, 0);
        CountDownLatch release = blockMxnet();
        List<Future<Activations>> answers = submit(batcher, "m", false, 0.1f, 0.2f, 0.3f, 0.4f, 0.6f, 0.7f);
        awaitQueued(batcher, "m", false, 6);

        release.countDown();

        for (int i = 0; i < answers.size(); i++) {
            Activations answer = answers.get(i).get(10, TimeUnit.SECONDS);
            assertThat(answer.logits()[0]).isEqualTo(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.6f, 0.7f}[i]);
            assertThat(answer.logits()[1]).as("size of its pass").isEqualTo(6f);
        }
        assertThat(passes).containsExactly("m/false/6");
        assertThat(batcher.stats()).isEqualTo(new ForwardBatcher.Stats(1, 6, 6));
    }

    @Test
    void noPassIsLargerThanTheBatchSize() throws Exception {
        ForwardBatcher batcher = new ForwardBatcher(mxnet, this::fake, 4, 0);
        CountDownLatch release = blockMxnet();
        List<Future<Activations>> answers = submit(batcher, "m", false, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f,
                0.1f, 0.1f, 0.1f);
        awaitQueued(batcher, "m", false, 10);

        release.countDown();
        for (Future<Activations> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }

        assertThat(passes).containsExactly("m/false/4", "m/false/4", "m/false/2");
    }

    @Test
    void modelsAndFeatureMapsHaveTheirOwnPasses() throws Exception {
        ForwardBatcher batcher = new ForwardBatcher(mxnet, this::fake, 64, 0);
        CountDownLatch release = blockMxnet();
        List<Future<Activations>> plain = submit(batcher, "a", false, 0.1f, 0.2f);
        List<Future<Activations>> maps = submit(batcher, "a", true, 0.3f, 0.4f, 0.6f);
        List<Future<Activations>> other = submit(batcher, "b", false, 0.7f);
        awaitQueued(batcher, "a", false, 2);
        awaitQueued(batcher, "a", true, 3);
        awaitQueued(batcher, "b", false, 1);

        release.countDown();

        assertThat(plain.get(1).get(10, TimeUnit.SECONDS).convolutions()).isEmpty();
        assertThat(maps.get(2).get(10, TimeUnit.SECONDS).convolutions().get(0).values()).containsExactly(0.6f);
        assertThat(other.get(0).get(10, TimeUnit.SECONDS).logits()).containsExactly(0.7f, 1f);
        assertThat(passes).containsExactlyInAnyOrder("a/false/2", "a/true/3", "b/false/1");
    }

    @Test
    void aFailingInputFailsOnlyItsOwnRequest() throws Exception {
        ForwardBatcher batcher = new ForwardBatcher(mxnet, this::fake, 64, 0);
        CountDownLatch release = blockMxnet();
        List<Future<Activations>> answers = submit(batcher, "m", false, 0.1f, POISON, 0.3f);
        awaitQueued(batcher, "m", false, 3);

        release.countDown();

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).logits()[0]).isEqualTo(0.1f);
        assertThat(answers.get(2).get(10, TimeUnit.SECONDS).logits()[0]).isEqualTo(0.3f);
        assertThatThrownBy(() -> answers.get(1).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InvalidDigitInputException.class).hasMessageContaining("poisoned input");
        // The shared pass failed, then each input ran alone.
        assertThat(passes).containsExactly("m/false/3", "m/false/1", "m/false/1", "m/false/1");
    }

    @Test
    void aPassWaitsForARequestStillBeingDecodedButNotPastItsLimit() throws Exception {
        ForwardBatcher batcher = new ForwardBatcher(mxnet, this::fake, 64, TimeUnit.SECONDS.toNanos(5));
        CountDownLatch announced = new CountDownLatch(1);
        CountDownLatch decoded = new CountDownLatch(1);
        Future<Activations> slow = clients.submit(() -> {
            try (ForwardBatcher.Arrival arrival = batcher.arrive("m", true)) {
                announced.countDown();
                decoded.await();
                return arrival.forward(input(0.2f));
            }
        });
        announced.await();
        Future<Activations> first = clients.submit(() -> batcher.forward("m", true, input(0.1f)));
        Thread.sleep(200);
        assertThat(first).as("waiting for the request being decoded").isNotDone();

        decoded.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).logits()).as("both in one pass").containsExactly(0.1f, 2f);
        assertThat(slow.get(10, TimeUnit.SECONDS).logits()).containsExactly(0.2f, 2f);
        assertThat(passes).containsExactly("m/true/2");

        // An arrival that never comes (its decode failed) holds a pass up at most the limit.
        ForwardBatcher quick = new ForwardBatcher(mxnet, this::fake, 64, TimeUnit.MILLISECONDS.toNanos(50));
        try (ForwardBatcher.Arrival stuck = quick.arrive("m", false)) {
            long start = System.nanoTime();
            assertThat(quick.forward("m", false, input(0.3f)).logits()).containsExactly(0.3f, 1f);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50))
                    .isLessThan(TimeUnit.SECONDS.toNanos(3));
        }
    }

    @Test
    void requestsAfterTheDispatcherClosedAreRefused() {
        ForwardBatcher batcher = new ForwardBatcher(mxnet, this::fake, 64, 0);
        mxnet.close();

        assertThatThrownBy(() -> batcher.forward("m", false, input(0.1f)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
