package deepdash.training;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunFolder;
import deepdash.protocol.RunRecord;
import deepdash.protocol.TestResult;
import java.time.Instant;

/** Keeps a run's folder up to date as training reports: the worker's side of the run store. */
public final class RunFilesWriter implements TrainingListener {

    private final RunFolder folder;
    private RunRecord record;

    public RunFilesWriter(RunFolder folder, RunRecord record) {
        this.folder = folder;
        this.record = record;
    }

    public RunRecord record() {
        return record;
    }

    @Override
    public void started(String device, int epochs, int batches, int trainSamples, int validationSamples) {
        record = record.started(device, Instant.now());
        folder.writeRecord(record);
    }

    @Override
    public void epoch(EpochMetrics metrics) {
        folder.appendEpoch(metrics);
    }

    @Override
    public void tested(TestResult result, double trainSeconds) {
        record = record.completed(result, trainSeconds, Instant.now());
        folder.writeRecord(record);
    }
}
