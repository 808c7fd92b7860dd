package org.lnconform.harness.run;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Picks cases by id globs: {@code *} matches any run of characters, {@code ?} one; a plain id matches itself and its children. */
public final class Selection {

    private Selection() {}

    public static List<ConformanceCase> select(List<ConformanceCase> all, List<String> include, List<String> exclude) {
        List<Pattern> inc = include.stream().map(Selection::compile).collect(Collectors.toList());
        List<Pattern> exc = exclude.stream().map(Selection::compile).collect(Collectors.toList());
        return all.stream()
                .filter(c -> inc.isEmpty() || inc.stream().anyMatch(p -> p.matcher(c.info().id()).matches()))
                .filter(c -> exc.stream().noneMatch(p -> p.matcher(c.info().id()).matches()))
                .collect(Collectors.toList());
    }

    static Pattern compile(String glob) {
        StringBuilder sb = new StringBuilder();
        boolean wild = false;
        for (char ch : glob.toCharArray()) {
            if (ch == '*') {
                sb.append(".*");
                wild = true;
            } else if (ch == '?') {
                sb.append('.');
                wild = true;
            } else {
                sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        if (!wild) {
            sb.append("(/.*)?");
        }
        return Pattern.compile(sb.toString());
    }
}
