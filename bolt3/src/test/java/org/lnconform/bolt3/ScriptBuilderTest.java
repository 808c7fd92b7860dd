package org.lnconform.bolt3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.acinq.secp256k1.Hex;
import org.junit.jupiter.api.Test;

class ScriptBuilderTest {

    private static String number(long n) {
        return Hex.encode(new ScriptBuilder().number(n).build());
    }

    @Test
    void smallNumbersAreOpcodes() {
        assertThat(number(0)).isEqualTo("00");
        assertThat(number(1)).isEqualTo("51");
        assertThat(number(16)).isEqualTo("60");
    }

    @Test
    void largerNumbersAreMinimalLittleEndianWithASignByteWhenNeeded() {
        assertThat(number(17)).isEqualTo("0111");
        assertThat(number(32)).isEqualTo("0120");
        assertThat(number(127)).isEqualTo("017f");
        assertThat(number(128)).isEqualTo("028000");
        assertThat(number(144)).isEqualTo("029000"); // Appendix C's to_self_delay
        assertThat(number(500)).isEqualTo("02f401"); // Appendix C's HTLC #0 cltv_expiry
        assertThat(number(0xffff)).isEqualTo("03ffff00");
    }

    @Test
    void negativeNumbersAndHugePushesAreRefused() {
        assertThatThrownBy(() -> number(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScriptBuilder().push(new byte[256])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Hex.encode(new ScriptBuilder().push(new byte[76]).build())).startsWith("4c4c00");
    }
}
