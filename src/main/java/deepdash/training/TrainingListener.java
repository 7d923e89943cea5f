package deepdash.training;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.Progress;
import deepdash.protocol.TestResult;

/** Receives what a training run reports, in order: started, progress/epoch..., tested. */
public interface TrainingListener {

    default void started(String device, int epochs, int batchesPerEpoch, int trainSamples, int validationSamples) {
    }

    default void progress(Progress progress) {
    }

    default void epoch(EpochMetrics metrics) {
    }

    /**
     * A batch of a validation or test pass is done ({@code phase} is "validating" or "testing"):
     * those passes report nothing else, and a long silence makes the server take the worker as stuck.
     */
    default void evaluating(String phase, int done, int total) {
    }

    default void tested(TestResult result, double trainSeconds) {
    }

    /**
     * An epoch's training pass is done and the trainer's manager holds {@code count} arrays. Only
     * tests listen: the count must not grow from one epoch to the next, or a batch's arrays are
     * outliving it (as they did when inputs were reused across batches: 9 GB by epoch 3).
     */
    default void arraysHeld(int epoch, int count) {
    }

    /** Fans one event out to several listeners. */
    static TrainingListener all(TrainingListener... listeners) {
        return new TrainingListener() {
            @Override
            public void started(String device, int epochs, int batches, int trainSamples, int validationSamples) {
                for (TrainingListener l : listeners) {
                    l.started(device, epochs, batches, trainSamples, validationSamples);
                }
            }

            @Override
            public void progress(Progress progress) {
                for (TrainingListener l : listeners) {
                    l.progress(progress);
                }
            }

            @Override
            public void epoch(EpochMetrics metrics) {
                for (TrainingListener l : listeners) {
                    l.epoch(metrics);
                }
            }

            @Override
            public void evaluating(String phase, int done, int total) {
                for (TrainingListener l : listeners) {
                    l.evaluating(phase, done, total);
                }
            }

            @Override
            public void tested(TestResult result, double trainSeconds) {
                for (TrainingListener l : listeners) {
                    l.tested(result, trainSeconds);
                }
            }
        };
    }
}
