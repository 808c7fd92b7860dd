package org.lnconform.harness.cases;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.wire.BigSize;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;

/**
 * The node's init exactly as it was sent: the feature fields and every TLV record with the
 * width of its type and length encodings. Parsed leniently, so that one broken rule (order,
 * minimality, an unknown even type) does not hide the others; each case judges its own rule.
 *
 * @param tlvs          records in the order they were sent
 * @param streamProblem why the TLV stream stopped early (a record cut short), or null
 */
record NodeInitBytes(Bytes plaintext, Bytes globalFeatures, Bytes features, List<RawTlv> tlvs, String streamProblem) {

    /** One TLV record as sent. */
    record RawTlv(long type, int typeWidth, long length, int lengthWidth, Bytes value) {

        /** BOLT 1 (B1-TLV-03): type and length each in their shortest BigSize. */
        boolean minimal() {
            return typeWidth == BigSize.encodedLength(type) && lengthWidth == BigSize.encodedLength(length);
        }

        @Override
        public String toString() {
            return "type " + Long.toUnsignedString(type) + " (" + typeWidth + " byte" + (typeWidth == 1 ? "" : "s")
                    + "), length " + Long.toUnsignedString(length) + " (" + lengthWidth + " byte"
                    + (lengthWidth == 1 ? "" : "s") + ")";
        }
    }

    FeatureVector combinedFeatures() {
        return FeatureVector.fromBytes(globalFeatures).or(FeatureVector.fromBytes(features));
    }

    /** The first record of {@code type}, if sent. */
    java.util.Optional<RawTlv> record(long type) {
        return tlvs.stream().filter(t -> t.type() == type).findFirst();
    }

    /** Reads the node's first message, which must be an init whose feature fields are whole. */
    static NodeInitBytes read(CaseContext ctx, ProbeSession s) throws CaseError {
        Incoming in = s.read(ctx.bounds().init());
        if (!(in instanceof Incoming.Message m) || m.type() != Init.TYPE) {
            throw new CaseError("the node's first message was not init: " + CaseContext.describe(in));
        }
        if (m.decoded() instanceof Init init) {
            s.nodeInit(init);
        }
        try {
            return parse(m.plaintext());
        } catch (WireException e) {
            throw new CaseError("the node's init is cut short inside its feature fields: " + e.getMessage());
        }
    }

    /** Type, both feature fields (which must be whole), then TLV records until the bytes end or a record is cut. */
    static NodeInitBytes parse(byte[] plaintext) throws WireException {
        WireReader r = new WireReader(plaintext);
        r.u16("type");
        Bytes global = r.bytes(r.u16("gflen"), "globalfeatures");
        Bytes features = r.bytes(r.u16("flen"), "features");
        List<RawTlv> tlvs = new ArrayList<>();
        String problem = null;
        while (r.hasRemaining()) {
            int at = r.position();
            long[] type = bigSize(r);
            long[] length = type == null ? null : bigSize(r);
            if (length == null || Long.compareUnsigned(length[0], r.remaining()) > 0) {
                problem = "the record at offset " + at + " is cut short";
                break;
            }
            tlvs.add(new RawTlv(type[0], (int) type[1], length[0], (int) length[1],
                    r.bytes((int) length[0], "value")));
        }
        return new NodeInitBytes(Bytes.of(plaintext), global, features, List.copyOf(tlvs), problem);
    }

    /** A BigSize in any width: {value, width}, or null if the bytes end inside it. */
    private static long[] bigSize(WireReader r) throws WireException {
        if (!r.hasRemaining()) {
            return null;
        }
        int prefix = r.u8("bigsize");
        int width = prefix == 0xfd ? 2 : prefix == 0xfe ? 4 : prefix == 0xff ? 8 : 0;
        if (r.remaining() < width) {
            return null;
        }
        long value = switch (width) {
            case 2 -> r.u16("bigsize");
            case 4 -> r.u32("bigsize");
            case 8 -> r.u64("bigsize");
            default -> prefix;
        };
        return new long[] {value, 1 + width};
    }
}
