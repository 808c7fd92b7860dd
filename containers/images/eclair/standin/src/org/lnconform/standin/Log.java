package org.lnconform.standin;

import java.time.LocalTime;

/** One line per event on stderr, prefixed {@code standin-bitcoind}, apart from Eclair's own log on stdout. */
final class Log {

    private Log() {}

    static synchronized void info(String message) {
        System.err.println(LocalTime.now() + " standin-bitcoind: " + message);
        System.err.flush();
    }
}
