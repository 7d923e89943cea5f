package deepdash;

import deepdash.engine.EngineSettings;
import deepdash.files.DataDirectory;
import deepdash.i18n.Lang;
import deepdash.i18n.Messages;
import deepdash.security.BindAddress;
import deepdash.security.StartupMessage;
import deepdash.security.StartupToken;
import deepdash.training.LangOption;
import deepdash.training.TrainCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar deepdash.jar [--host H] [--port P] [--data-dir D]} serves the dashboard;
 * {@code java -jar deepdash.jar train ...} trains headless. Picocli parses the flags (with their
 * environment-variable fallbacks) because it gives typed options, help and errors for free.
 */
@Command(name = "deepdash", mixinStandardHelpOptions = true, version = "DeepDash 0.1.0",
        description = "A local web lab for the seed tutorial's CNN (MNIST) and LSTM (prices).")
public final class Main implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:DEEPDASH_HOST:-127.0.0.1}",
            description = "Interface to bind (env DEEPDASH_HOST, default ${DEFAULT-VALUE}); beyond loopback every"
                    + " request needs the access token")
    String host;

    @Option(names = "--port", defaultValue = "${env:DEEPDASH_PORT:-7070}",
            description = "Port (env DEEPDASH_PORT, default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:DEEPDASH_DATA_DIR}",
            description = "Where runs and uploads live (env DEEPDASH_DATA_DIR, default ~/.deepdash)")
    Path dataDir;

    @Option(names = "--max-workers", defaultValue = "${env:DEEPDASH_MAX_WORKERS:-1}",
            description = "Training runs at once; more are queued (env DEEPDASH_MAX_WORKERS, default ${DEFAULT-VALUE})")
    int maxWorkers;

    @Option(names = "--max-upload-mb",
            defaultValue = "${env:DEEPDASH_MAX_UPLOAD_MB:-" + AppConfig.DEFAULT_MAX_UPLOAD_MEGABYTES + "}",
            description = "Largest upload in MB (env DEEPDASH_MAX_UPLOAD_MB, default ${DEFAULT-VALUE})")
    int maxUploadMegabytes;

    @Option(names = "--allowed-host", split = ",", defaultValue = "${env:DEEPDASH_ALLOWED_HOSTS}",
            description = "Extra Host names to answer, comma-separated (env DEEPDASH_ALLOWED_HOSTS)")
    List<String> allowedHosts;

    @Option(names = "--token", defaultValue = "${env:DEEPDASH_TOKEN}",
            description = "Access token required when bound beyond loopback; generated when absent (env DEEPDASH_TOKEN)")
    String token;

    @Option(names = "--max-streams", defaultValue = "${env:DEEPDASH_MAX_STREAMS:-1000}",
            description = "Live event streams open at once; more get 503 (env DEEPDASH_MAX_STREAMS, default ${DEFAULT-VALUE})")
    int maxStreams;

    @Option(names = "--max-concurrent-uploads", defaultValue = "${env:DEEPDASH_MAX_CONCURRENT_UPLOADS:-2}",
            description = "CSV uploads received and parsed at once; more get 503 (env DEEPDASH_MAX_CONCURRENT_UPLOADS,"
                    + " default ${DEFAULT-VALUE})")
    int maxConcurrentUploads;

    /** The help texts of the commands in languages other than English, in picocli's format. */
    public static final String CLI_BUNDLE = "i18n.cli";

    @Mixin
    LangOption lang;

    public static void main(String[] args) {
        Lang lang = LangOption.of(args, System.getenv());
        // Serving needs only the server's options; the train command's model (its options'
        // types and converters load the model registry) is built only when something else was asked.
        CommandLine server = commandLine(lang, false);
        CommandLine commandLine = servesWith(server, args) ? server : commandLine(lang);
        int code = commandLine.execute(args);
        boolean ranSubcommand = commandLine.getParseResult() != null
                && commandLine.getParseResult().subcommand() != null;
        if (code != 0 || ranSubcommand) {
            // A finished train command exits even if a native library left threads behind.
            System.exit(code);
        }
        // Serving: the main thread ends here; Jetty's threads keep the process alive.
    }

    /** Whether {@code args} are the server's own options and no request for help or the version. */
    private static boolean servesWith(CommandLine server, String[] args) {
        try {
            CommandLine.ParseResult parsed = server.parseArgs(args);
            return !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        } catch (CommandLine.ParameterException notTheServers) {
            // A subcommand, or a mistake: the whole command line parses it again and says which.
            return false;
        }
    }

    /** The command line with its help in {@code lang}. */
    public static CommandLine commandLine(Lang lang) {
        return commandLine(lang, true);
    }

    private static CommandLine commandLine(Lang lang, boolean withSubcommands) {
        CommandLine commandLine = new CommandLine(new Main());
        if (withSubcommands) {
            commandLine.addSubcommand(new TrainCommand());
        }
        if (lang != Lang.EN) {
            // English is the annotations' own text; other languages replace it key by key.
            commandLine.setResourceBundle(ResourceBundle.getBundle(CLI_BUNDLE, Locale.forLanguageTag(lang.code()),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
        return commandLine;
    }

    /**
     * What the server prints once it listens, in the command line's language ({@code --lang}, else
     * the locale of {@code env}), as the help and the progress bar are.
     */
    List<String> consoleLines(BindAddress bind, int port, StartupToken access, List<String> otherAddresses,
            Path dataDirectory, Map<String, String> env) {
        Messages texts = Messages.of(lang.resolve(env));
        List<String> lines = new ArrayList<>(StartupMessage.lines(bind, port, access, otherAddresses, texts));
        lines.add(texts.get("startup.dataDir", dataDirectory));
        return lines;
    }

    @Override
    public Integer call() {
        EngineSettings.applyJvmProperties();
        BindAddress bind = new BindAddress(host);
        // Beyond loopback a token is required; one is generated when --token/DEEPDASH_TOKEN gave none.
        StartupToken access = StartupToken.decide(bind, token);
        AppConfig config = AppConfig.of(host, port, DataDirectory.resolve(dataDir), maxWorkers,
                        maxUploadMegabytes * 1024L * 1024L)
                .withAllowedHosts(allowedHosts == null ? List.of() : allowedHosts)
                .withToken(access.token())
                .withMaxStreams(maxStreams)
                .withMaxConcurrentUploads(maxConcurrentUploads);
        App app = App.start(config);
        List<String> otherAddresses = bind.isWildcard() ? StartupMessage.otherAddresses() : List.of();
        consoleLines(bind, app.port(), access, otherAddresses, config.dataDir(), System.getenv())
                .forEach(System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        return 0;
    }
}
