package org.lnconform.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lnconform.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lnconform report merge}: one matrix page from several runs. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Work with reports.",
        subcommands = ReportCommand.Merge.class)
final class ReportCommand {

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge several report directories (each with index.json) into a matrix of implementations x cases.")
    static final class Merge implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Report directories of earlier runs.")
        List<Path> dirs;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() {
            Reports.merge(dirs, out);
            System.out.println("matrix of " + dirs.size() + " runs: " + out.toAbsolutePath().normalize() + "/index.html");
            return Main.OK;
        }
    }
}
