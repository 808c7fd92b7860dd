package org.lnconform.wire.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;

class AddressDescriptorTest {

    private static void roundTrips(AddressDescriptor a) throws WireException {
        assertThat(AddressDescriptor.parse(a.encode())).isEqualTo(a);
    }

    @Test
    void knownTypesRoundTrip() throws WireException {
        roundTrips(new AddressDescriptor.Ipv4(Bytes.fromHex("01020304"), 1));
        roundTrips(new AddressDescriptor.Ipv6(Bytes.fromHex("20010db8" + "00".repeat(12)), 9735));
        roundTrips(new AddressDescriptor.TorV2(Bytes.zeros(12)));
        roundTrips(new AddressDescriptor.TorV3(Bytes.zeros(35), 9735));
        roundTrips(new AddressDescriptor.Dns("node.example", 9735));
        roundTrips(new AddressDescriptor.Unknown(9, Bytes.fromHex("aabb")));
    }

    @Test
    void rendersAddresses() throws WireException {
        assertThat(AddressDescriptor.parse(Bytes.fromHex("02" + "20010db8" + "00".repeat(11) + "01" + "2607")))
                .hasToString("[2001:db8:0:0:0:0:0:1]:9735");
        assertThat(AddressDescriptor.parse(Bytes.fromHex("05" + "01" + "61" + "0001"))).hasToString("a:1");
    }

    @Test
    void malformedDescriptorsAreTypedErrors() {
        assertThat(kind("01010203")).isEqualTo(DecodeError.SHORT_READ);
        assertThat(kind("0101020304260700")).isEqualTo(DecodeError.TRAILING_BYTES);
        assertThat(kind("0501ff0001")).isEqualTo(DecodeError.BAD_FIELD_VALUE);
        assertThat(kind("")).isEqualTo(DecodeError.SHORT_READ);
    }

    private static DecodeError kind(String hex) {
        return catchThrowableOfType(WireException.class, () -> AddressDescriptor.parse(Bytes.fromHex(hex))).kind();
    }
}
