package org.lnconform.bolt3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitmentNumberTest {

    /** Appendix C: obscuring factor 0x2bb038521914, commitment number 42; sequence 0x802bb038, locktime 0x2052193e. */
    @Test
    void locktimeAndSequenceCarryTheObscuredNumber() {
        long obscured = CommitmentNumber.obscure(42, 0x2bb038521914L);
        assertThat(obscured).isEqualTo(0x2bb03852193eL);
        assertThat(CommitmentNumber.sequence(obscured)).isEqualTo(0x802bb038L);
        assertThat(CommitmentNumber.locktime(obscured)).isEqualTo(0x2052193eL);
    }

    @Test
    void theNumberIs48Bits() {
        assertThatThrownBy(() -> CommitmentNumber.obscure(1L << 48, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitmentNumber.obscure(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CommitmentNumber.obscure((1L << 48) - 1, (1L << 48) - 1)).isZero();
    }
}
