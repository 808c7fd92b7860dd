package org.lnconform.bolt3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PerCommitmentSecretStoreTest {

    private static final byte[] SEED = new byte[32];

    @Test
    void derivesEverySecretReceivedFromAtMost49Entries() throws Exception {
        PerCommitmentSecretStore store = new PerCommitmentSecretStore();
        long first = PerCommitmentSecret.FIRST_INDEX;
        for (long i = first; i > first - 1000; i--) {
            store.insert(PerCommitmentSecret.generateFromSeed(SEED, i), i);
        }
        for (long i = first; i > first - 1000; i--) {
            assertThat(store.deriveOld(i)).as("secret %d", i).hasValue(PerCommitmentSecret.generateFromSeed(SEED, i));
        }
        assertThat(store.deriveOld(first - 1000)).as("not received yet").isEmpty();
    }

    @Test
    void aSecretFromAnotherSeedIsRefusedAndLeavesTheStoreAsItWas() throws Exception {
        PerCommitmentSecretStore store = new PerCommitmentSecretStore();
        long first = PerCommitmentSecret.FIRST_INDEX;
        store.insert(PerCommitmentSecret.generateFromSeed(SEED, first), first);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> store.insert(PerCommitmentSecret.generateFromSeed(other, first - 1), first - 1))
                .isInstanceOf(SecretMismatchException.class)
                .satisfies(e -> assertThat(((SecretMismatchException) e).contradictedIndex()).isEqualTo(first));
        assertThat(store.deriveOld(first - 1)).isEmpty();
        assertThat(store.deriveOld(first)).hasValue(PerCommitmentSecret.generateFromSeed(SEED, first));
    }

    @Test
    void indicesAreFortyEightBits() {
        assertThatThrownBy(() -> new PerCommitmentSecretStore().insert(new byte[32], 1L << 48))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerCommitmentSecret.deriveSecret(new byte[31], 48, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
