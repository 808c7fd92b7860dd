package org.lnconform.peer;

import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.tlv.TlvStream;

/**
 * How deviations read a peer's init: only the feature fields of a broken one, or its networks
 * and remote_addr the wrong way. Never used by a conforming node.
 */
final class LenientInit {

    private LenientInit() {}

    /** The feature fields alone, skipping the TLV stream; null if the feature fields are cut short. */
    static Init parse(byte[] message) {
        try {
            WireReader r = new WireReader(message);
            r.u16("type");
            Bytes global = r.bytes(r.u16("gflen"), "globalfeatures");
            Bytes features = r.bytes(r.u16("flen"), "features");
            return new Init(global, features, TlvStream.empty());
        } catch (WireException e) {
            return null;
        }
    }

    /** remote_addr is one whole descriptor of a type BOLT 7 defines (false when absent). */
    static boolean remoteAddrKnown(Init init) {
        try {
            return init.remoteAddress().filter(a -> !(a instanceof AddressDescriptor.Unknown)).isPresent();
        } catch (WireException e) {
            return false;
        }
    }

    /** Only the first chain of the peer's networks counts (true when there is nothing to compare). */
    static boolean firstChainShared(Init init, List<Bytes> ours) {
        try {
            List<Bytes> theirs = init.networks().orElse(List.of());
            return theirs.isEmpty() || ours.isEmpty() || ours.contains(theirs.get(0));
        } catch (WireException e) {
            return false;
        }
    }

    /** The peer's chain hashes compared byte-reversed (true when there is nothing to compare). */
    static boolean reversedChainShared(Init init, List<Bytes> ours) {
        try {
            List<Bytes> theirs = init.networks().orElse(null);
            return theirs == null || ours.isEmpty() || theirs.stream().map(LenientInit::reversed).anyMatch(ours::contains);
        } catch (WireException e) {
            return false;
        }
    }

    private static Bytes reversed(Bytes b) {
        byte[] a = b.toByteArray();
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            byte t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Bytes.of(a);
    }
}
