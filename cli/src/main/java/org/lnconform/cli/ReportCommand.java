package org.lnconform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lnconform.harness.model.RunReport;
import org.lnconform.reports.ReportDiff;
import org.lnconform.reports.Reports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lnconform report merge|diff}: a matrix of several runs, or the verdict changes between two. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Work with reports of earlier runs.",
        subcommands = {ReportCommand.Merge.class, ReportCommand.Diff.class})
final class ReportCommand {

    /** Reads a run directory (or index.json), or a usage error naming what is missing. */
    static RunReport read(CommandLine cmd, Path dir) {
        if (!Reports.isRunDirectory(dir)) {
            throw new ParameterException(cmd, dir + ": no index.json there (give a --reports directory of an earlier run)");
        }
        try {
            return Reports.read(dir);
        } catch (RuntimeException e) {
            throw new ParameterException(cmd, dir + ": " + e.getMessage());
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge several runs (their report directories) into a matrix of runs x cases:"
                    + " index.html, index.json and junit/.")
    static final class Merge implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Report directories of earlier runs.")
        List<Path> dirs;

        @Option(names = "--label", paramLabel = "NAME", description = "A column name for each run, in the order of the"
                + " directories (repeatable; default: each run's own label, or its target's name and version).")
        List<String> labels = new ArrayList<>();

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "lnconform-matrix",
                description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() {
            if (labels.size() > dirs.size()) {
                throw new ParameterException(spec.commandLine(), labels.size() + " labels for " + dirs.size() + " runs");
            }
            for (Path dir : dirs) {
                read(spec.commandLine(), dir);
            }
            ReportsDir.prepare(spec.commandLine(), out);
            List<RunReport> runs = Reports.merge(dirs, labels, out);
            System.out.println("matrix of " + runs.size() + " runs: " + out.toAbsolutePath().normalize() + "/index.html");
            return Main.OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "List the verdict changes from OLD to NEW; exit 1 if a case got worse (to gate CI on a baseline).",
            footer = {"", "Exit codes: 0 nothing got worse, 1 a case got worse, 2 usage error."})
    static final class Diff implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "OLD", description = "The baseline run (report directory or its index.json).")
        Path before;

        @Parameters(index = "1", paramLabel = "NEW", description = "The run to check against it.")
        Path after;

        @Override
        public Integer call() {
            ReportDiff diff = ReportDiff.between(read(spec.commandLine(), before), read(spec.commandLine(), after));
            System.out.print(diff.render());
            System.out.flush();
            return diff.regressed() ? Main.FAILED : Main.OK;
        }
    }
}
