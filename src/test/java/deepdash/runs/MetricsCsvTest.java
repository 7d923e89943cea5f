package deepdash.runs;

import static org.assertj.core.api.Assertions.assertThat;

import deepdash.model.ModelRegistry;
import deepdash.protocol.EpochMetrics;
import deepdash.protocol.RunConfig;
import deepdash.protocol.RunRecord;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {

    static RunView run(String model, String dataset, List<EpochMetrics> epochs) {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("epochs", 2, "batchSize", 32, "learningRate", 0.001,
                "device", "auto"));
        settings.put("dataset", dataset);
        RunConfig config = RunConfig.of(model, settings);
        RunRecord record = RunRecord.queued("20260101-000000-abcdef", config, Instant.parse("2026-01-01T00:00:00Z"));
        return RunView.of(record, epochs, null, null);
    }

    static String csv(RunView run) throws Exception {
        StringBuilder out = new StringBuilder();
        MetricsCsv.write(run, ModelRegistry.standard(), out);
        return out.toString();
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void writesOneRowPerEpochWithTheClassifierColumnsAndCrlfLineEnds() throws Exception {
        String csv = csv(run("cnn", null, List.of(
                EpochMetrics.classifier(1, 0.25, 0.92, 0.1, 0.97, 12.5, 3840, 12.75),
                EpochMetrics.classifier(2, 0.08, 0.975, 0.075, 0.977, 10, 4800, 22.75))));
        assertThat(csv).startsWith("epoch,elapsedSeconds,epochSeconds,samplesPerSecond,loss,accuracy,val_loss,"
                + "val_accuracy,run,model,dataset\r\n");
        assertThat(csv).contains("\r\n1,12.75,12.5,3840,0.25,0.92,0.1,0.97,20260101-000000-abcdef,cnn,MNIST\r\n");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get(0)).isEqualTo("2");
        assertThat(rows.get(2).get(7)).isEqualTo("0.977");
    }

    @Test
    void regressorRunsExportMaeAndTheirDataset() throws Exception {
        String csv = csv(run("lstm", "amzn-daily", List.of(EpochMetrics.regressor(1, 0.01, 0.08, 0.02, 0.09, 1.5,
                1000, 1.6))));
        List<CSVRecord> rows = parse(csv);
        assertThat(rows.get(0).values()).containsExactly("epoch", "elapsedSeconds", "epochSeconds", "samplesPerSecond",
                "loss", "mae", "val_loss", "val_mae", "run", "model", "dataset");
        assertThat(rows.get(1).values()).containsExactly("1", "1.6", "1.5", "1000", "0.01", "0.08", "0.02", "0.09",
                "20260101-000000-abcdef", "lstm", "amzn-daily");
    }

    @Test
    void textCellsThatASpreadsheetWouldRunAsAFormulaGetAQuote() throws Exception {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)",
                "\tcmd", "\rcmd")) {
            String csv = csv(run("lstm", formula, List.of(EpochMetrics.regressor(1, 0.01, 0.08, 0.02, 0.09, 1.5,
                    1000, 1.6))));
            CSVRecord row = parse(csv).get(1);
            assertThat(row.get(10)).as(formula).isEqualTo("'" + formula);
        }
        String model = "=cmd|' /C calc'!A0";
        CSVRecord row = parse(csv(run(model, null, List.of(EpochMetrics.classifier(1, 0.2, 0.9, 0.1, 0.95, 1, 1, 1)))))
                .get(1);
        assertThat(row.get(9)).isEqualTo("'" + model);
        assertThat(MetricsCsv.text("=1")).isEqualTo("'=1");
        assertThat(MetricsCsv.text("plain")).isEqualTo("plain");
        assertThat(MetricsCsv.text("a=1")).as("only a leading character matters").isEqualTo("a=1");
        assertThat(MetricsCsv.text("")).isEmpty();
    }

    @Test
    void cellsWithCommasQuotesAndLineBreaksAreQuotedPerRfc4180() throws Exception {
        String awkward = "prices, \"adjusted\"\nsecond line";
        String csv = csv(run("lstm", awkward, List.of(EpochMetrics.regressor(1, 0.01, 0.08, 0.02, 0.09, 1.5, 1000,
                1.6))));
        assertThat(csv).contains(",\"prices, \"\"adjusted\"\"\nsecond line\"\r\n");
        assertThat(parse(csv).get(1).get(10)).isEqualTo(awkward);
    }

    @Test
    void numbersStayNumbersNegativeOnesIncluded() throws Exception {
        EpochMetrics odd = new EpochMetrics(3, -1.25, null, -0.5, Double.NaN, null, -1e-7, 0.000125, 2.5e7, 7200);
        CSVRecord row = parse(csv(run("lstm", "d", List.of(odd)))).get(1);
        assertThat(row.values()).containsExactly("3", "7200", "0.000125", "25000000", "-1.25", "-0.5", "", "-0.0000001",
                "20260101-000000-abcdef", "lstm", "d");
        assertThat(MetricsCsv.number(-3.0)).isEqualTo("-3");
        assertThat(MetricsCsv.number(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(MetricsCsv.number(null)).isEmpty();
    }
}
