package org.lnconform.wire.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;

class FeatureVectorTest {

    @Test
    void bitZeroIsTheLowBitOfTheLastByte() {
        assertThat(FeatureVector.fromBytes(Bytes.fromHex("01")).bits()).containsExactly(0);
        assertThat(FeatureVector.fromBytes(Bytes.fromHex("0100")).bits()).containsExactly(8);
        assertThat(FeatureVector.fromBytes(Bytes.fromHex("8000")).bits()).containsExactly(15);
        assertThat(FeatureVector.fromBytes(Bytes.fromHex("020002")).bits()).containsExactly(1, 17);
    }

    @Test
    void toBytesIsMinimalAndPaddable() {
        FeatureVector v = FeatureVector.of(1, 17);
        assertThat(v.toBytes()).isEqualTo(Bytes.fromHex("020002"));
        assertThat(v.toBytes(5)).isEqualTo(Bytes.fromHex("0000020002"));
        assertThat(FeatureVector.empty().toBytes()).isEqualTo(Bytes.empty());
        assertThat(FeatureVector.fromBytes(Bytes.fromHex("000000"))).isEqualTo(FeatureVector.empty());
        assertThatThrownBy(() -> v.toBytes(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutableValue() {
        FeatureVector v = FeatureVector.of(3);
        FeatureVector w = v.set(100);
        assertThat(v.isSet(100)).isFalse();
        assertThat(w.isSet(100)).isTrue();
        assertThat(w.clear(100)).isEqualTo(v);
        assertThat(v.or(FeatureVector.of(4)).bits()).containsExactly(3, 4);
        assertThat(w.highestSetBit()).isEqualTo(100);
        assertThat(FeatureVector.empty().highestSetBit()).isEqualTo(-1);
        assertThat(v.isSet(-1)).isFalse();
    }

    @Test
    void roundTripsThroughBytes() {
        FeatureVector v = FeatureVector.of(0, 7, 8, 63, 64, 255);
        assertThat(FeatureVector.fromBytes(v.toBytes())).isEqualTo(v);
        assertThat(v.toBytes().size()).isEqualTo(32);
    }
}
