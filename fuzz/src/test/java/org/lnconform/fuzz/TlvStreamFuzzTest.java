package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.InitTlvs;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/**
 * BOLT 1 TLV streams of arbitrary bytes in three namespaces: Appendix B's n1 and n2, and
 * {@code init_tlvs}. Decoding throws only {@link WireException} (with an offset inside the
 * input) and allocates no more than the input justifies; an accepted stream has strictly
 * increasing types, no unknown even type, values its namespace accepts, and re-encodes to
 * exactly the bytes it was decoded from.
 */
class TlvStreamFuzzTest {

    @FuzzTest
    void n1Stream(byte[] input) {
        check(input, AppendixBNamespaces.N1);
    }

    @FuzzTest
    void n2Stream(byte[] input) {
        check(input, AppendixBNamespaces.N2);
    }

    @FuzzTest
    void initTlvStream(byte[] input) {
        check(input, InitTlvs.NAMESPACE);
    }

    static void check(byte[] input, TlvNamespace ns) {
        Bytes bytes = Bytes.of(input);
        TlvStream stream;
        try {
            stream = AllocationBudget.within(input.length, () -> TlvStream.decode(bytes, ns));
        } catch (WireException e) {
            assertThat(e.offset()).as(e.getMessage()).isBetween(0, input.length);
            return;
        }
        assertThat(stream.encode()).as("canonical re-encoding in %s", ns.name()).isEqualTo(bytes);
        List<TlvRecord> records = stream.records();
        for (int i = 0; i < records.size(); i++) {
            TlvRecord r = records.get(i);
            if (i > 0) {
                assertThat(Long.compareUnsigned(records.get(i - 1).type(), r.type())).isNegative();
            }
            assertThat(ns.isKnown(r.type()) || !r.isEven()).as("unknown even %s accepted", r).isTrue();
            // Appendix B, TLV Stream Decoding Failure: valid streams concatenate in type order, so
            // each record of a valid stream is a valid stream on its own.
            try {
                assertThat(TlvStream.decode(TlvStream.of(r).encode(), ns).records()).containsExactly(r);
            } catch (WireException e) {
                throw new AssertionError(r + " was accepted in a stream but not alone", e);
            }
        }
        for (TlvField<?> field : ns.fields()) {
            try {
                stream.get(field);
            } catch (WireException e) {
                throw new AssertionError("decoded stream holds a bad " + field, e);
            }
        }
    }
}
