package org.lnconform.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void equalContentsAreEqualValues() {
        assertThat(Bytes.of(new byte[] {1, 2})).isEqualTo(Bytes.fromHex("0102"))
                .hasSameHashCodeAs(Bytes.fromHex("0102"));
        assertThat(Bytes.fromHex("0102")).isNotEqualTo(Bytes.fromHex("010200"));
    }

    @Test
    void ofAndToByteArrayCopy() {
        byte[] source = {1, 2, 3};
        Bytes b = Bytes.of(source);
        source[0] = 9;
        b.toByteArray()[1] = 9;
        assertThat(b.hex()).isEqualTo("010203");
    }

    @Test
    void hexParsesSpecNotation() {
        assertThat(Bytes.fromHex("0x0f fd0001 00").hex()).isEqualTo("0ffd000100");
        assertThat(Bytes.fromHex("0x")).isEqualTo(Bytes.empty());
        assertThat(Bytes.fromHex("ABcd").toString()).isEqualTo("abcd");
        assertThatThrownBy(() -> Bytes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bytes.fromHex("zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sliceConcatAndAccessors() {
        Bytes b = Bytes.fromHex("00ff10");
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.get(1)).isEqualTo((byte) -1);
        assertThat(b.getUnsigned(1)).isEqualTo(255);
        assertThat(b.slice(1, 3)).isEqualTo(Bytes.fromHex("ff10"));
        assertThat(b.concat(Bytes.fromHex("aa"))).isEqualTo(Bytes.fromHex("00ff10aa"));
        assertThat(Bytes.zeros(4).isAllZero()).isTrue();
        assertThat(b.isAllZero()).isFalse();
        assertThatThrownBy(() -> b.slice(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
