package deepdash.training;

import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunRecord;
import deepdash.protocol.TestResult;
import deepdash.runs.RunStore;
import java.nio.file.Path;
import java.time.Instant;

/** Keeps a run's folder up to date as training reports: the worker's side of the run store. */
public final class RunFilesWriter implements TrainingListener {

    private final Path runDir;
    private RunRecord record;

    public RunFilesWriter(Path runDir, RunRecord record) {
        this.runDir = runDir;
        this.record = record;
    }

    public RunRecord record() {
        return record;
    }

    @Override
    public void started(String device, int epochs, int batches, int trainSamples, int validationSamples) {
        record = record.started(device, Instant.now());
        RunStore.writeRecord(runDir, record);
    }

    @Override
    public void epoch(EpochMetrics metrics) {
        RunStore.appendEpoch(runDir, metrics);
    }

    @Override
    public void tested(TestResult result, double trainSeconds) {
        record = record.completed(result, trainSeconds, Instant.now());
        RunStore.writeRecord(runDir, record);
    }
}
