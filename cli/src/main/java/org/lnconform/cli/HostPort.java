package org.lnconform.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code HOST:PORT} (IPv6 in brackets) as a socket address, or a usage error naming the option. */
final class HostPort {

    private HostPort() {}

    static InetSocketAddress parse(CommandLine cmd, String option, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new ParameterException(cmd, option + " " + value + ": expected HOST:PORT");
        }
        String host = value.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new ParameterException(cmd, option + " " + value + ": the port must be a number from 0 to 65535");
        }
    }
}
