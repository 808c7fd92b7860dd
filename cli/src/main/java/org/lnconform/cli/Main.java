package org.lnconform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lnconform}: a conformance suite for the Lightning Network peer protocol (BOLT 1, 2, 7, 8, 9). */
@Command(name = "lnconform", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Conformance suite and interop harness for the Lightning Network peer protocol (BOLT 1, 2, 7, 8, 9).",
        subcommands = {RunCommand.class, NodeCommand.class, ListenCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code: no FAIL and no ERROR. */
    public static final int OK = 0;
    /** Exit code: at least one FAIL (or NON_STRICT under --strict). */
    public static final int FAILED = 1;
    /** Exit code: the command line was wrong. */
    public static final int USAGE = 2;
    /** Exit code: infrastructure error (node unreachable, Docker missing, a case ERROR). */
    public static final int INFRA = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof InfraException ? INFRA : USAGE);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("lnconform: " + e.getMessage());
            return e instanceof InfraException ? INFRA : e instanceof CommandLine.ParameterException ? USAGE : INFRA;
        });
        cl.setParameterExceptionHandler(Main::usageError);
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        return cl.execute(args);
    }

    /** A usage error is one line saying what is wrong and one pointing at the help, not the whole help. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
        cmd.getErr().println("Try '" + name + " --help' for more information.");
        cmd.getErr().flush();
        return USAGE;
    }

    /** The node or infrastructure could not be reached or started. */
    static final class InfraException extends RuntimeException {
        InfraException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"lnconform " + (v == null ? "dev" : v)};
        }
    }
}
