package deepdash.prices;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the heap a large upload grew back to the operating system once no upload is in progress.
 *
 * <p>Parsing a 20 MB file makes a gigabyte of short-lived objects (strings for cells, matchers
 * for numbers). G1 answers that by growing its young generation to hundreds of megabytes, and
 * then keeps that memory committed for good: it gives memory back only after a full collection or
 * a concurrent cycle, and an idle server runs neither. So after the last upload of a burst ends,
 * one full collection is asked for ({@link System#gc()}, a tenth of a second on this server's
 * small live set), off the request thread and a moment later, so the answer goes out first.
 *
 * <p>A full collection gives back only what exceeds {@code MaxHeapFreeRatio} (70% by default) of
 * the heap still committed, which left 130 MB of the growth; the first release lowers it to
 * {@value #MAX_HEAP_FREE_PERCENT}%, unless it was set on the command line. It is a "manageable"
 * flag, meant to be changed at run time, which {@code java -jar} leaves no other place to set.
 */
final class HeapRelease {

    private static final Logger LOG = LoggerFactory.getLogger(HeapRelease.class);
    private static final int MAX_HEAP_FREE_PERCENT = 40;
    private static final long DELAY_MILLIS = 200;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean tuned = new AtomicBoolean();
    private final Runnable collect;

    HeapRelease() {
        this(System::gc);
    }

    /** @param collect what gives the heap back; tests count instead */
    HeapRelease(Runnable collect) {
        this.collect = collect;
    }

    /** Notes that an upload large enough to have grown the heap has been parsed. */
    void request() {
        requested.set(true);
    }

    /** Called when the last upload in progress ends: schedules the release if one was requested. */
    void releaseIfRequested() {
        if (requested.getAndSet(false)) {
            // A thread of its own rather than a pool: this happens after a large upload, rarely, and
            // nothing is left running in between.
            Thread thread = new Thread(this::release, "heap-release");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void release() {
        try {
            Thread.sleep(DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (tuned.compareAndSet(false, true)) {
            lowerMaxHeapFreeRatio();
        }
        collect.run();
    }

    private static void lowerMaxHeapFreeRatio() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption max = vm.getVMOption("MaxHeapFreeRatio");
            int min = Integer.parseInt(vm.getVMOption("MinHeapFreeRatio").getValue());
            if (max.getOrigin() == VMOption.Origin.DEFAULT && min <= MAX_HEAP_FREE_PERCENT) {
                vm.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_HEAP_FREE_PERCENT));
            }
        } catch (RuntimeException e) {
            // Another JVM without the flag, or without the management module: the release still runs.
            LOG.debug("cannot lower MaxHeapFreeRatio", e);
        }
    }
}
