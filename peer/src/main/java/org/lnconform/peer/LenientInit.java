package org.lnconform.peer;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.tlv.TlvStream;

/** Reads only an init's feature fields, skipping its TLV stream: used by deviations that accept broken inits. */
final class LenientInit {

    private LenientInit() {}

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
}
