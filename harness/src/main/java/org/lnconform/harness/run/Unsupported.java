package org.lnconform.harness.run;

/** The node lacks what the case needs (a feature, a dial-back channel): verdict UNSUPPORTED. */
public final class Unsupported extends Exception {
    public Unsupported(String message) {
        super(message);
    }
}
