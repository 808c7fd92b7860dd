package org.lnconform.wire.feature;

import java.util.Arrays;
import java.util.Optional;

/** BOLT 9's Context column: where a feature bit may be presented. */
public enum FeatureContext {
    INIT("I"),
    NODE_ANNOUNCEMENT("N"),
    CHANNEL_ANNOUNCEMENT("C"),
    /** Channel announcement, always the odd (optional) bit. */
    CHANNEL_ANNOUNCEMENT_ODD("C-"),
    /** Channel announcement, always the even (required) bit. */
    CHANNEL_ANNOUNCEMENT_EVEN("C+"),
    INVOICE("9"),
    BLINDED_PATH("B"),
    CHANNEL_TYPE("T");

    private final String letter;

    FeatureContext(String letter) {
        this.letter = letter;
    }

    /** The letter(s) used in the BOLT 9 table. */
    public String letter() {
        return letter;
    }

    public static Optional<FeatureContext> fromLetter(String letter) {
        return Arrays.stream(values()).filter(c -> c.letter.equals(letter)).findFirst();
    }
}
