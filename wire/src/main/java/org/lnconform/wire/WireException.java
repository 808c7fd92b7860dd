package org.lnconform.wire;

import java.util.Objects;

/** A decode failure: which rule ({@link DecodeError}), at which byte, in which field. */
public final class WireException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DecodeError kind;
    private final int offset;
    private final String field;
    private final String detail;
    private final String rule;

    public WireException(DecodeError kind, int offset, String field, String detail) {
        this(kind, offset, field, detail, kind.rule(), null);
    }

    /** With a more specific rule citation than the kind's default, and the failure it replaces. */
    public WireException(DecodeError kind, int offset, String field, String detail, String rule, Throwable cause) {
        super(format(kind, offset, field, detail, rule), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.offset = offset;
        this.field = Objects.requireNonNull(field, "field");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    private static String format(DecodeError kind, int offset, String field, String detail, String rule) {
        return kind + " at byte " + offset + " in " + field + ": " + detail + " [" + rule + "]";
    }

    public DecodeError kind() {
        return kind;
    }

    /** Offset of the offending byte from the start of the decoder's input. */
    public int offset() {
        return offset;
    }

    /** Spec name of the field, qualified by its message or TLV namespace, e.g. {@code init.flen}. */
    public String field() {
        return field;
    }

    /** What was wrong, in numbers (needed vs. found). */
    public String detail() {
        return detail;
    }

    /** The spec rule broken; defaults to {@link DecodeError#rule()}. */
    public String rule() {
        return rule;
    }

    /** The same failure with another kind, field and rule, e.g. a short read inside a TLV value. */
    public WireException reframe(DecodeError newKind, String newField, String newDetail, String newRule) {
        return new WireException(newKind, offset, newField, newDetail, newRule, this);
    }
}
