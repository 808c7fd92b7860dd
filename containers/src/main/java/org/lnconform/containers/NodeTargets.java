package org.lnconform.containers;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.lnconform.harness.target.Target;
import org.lnconform.harness.target.TargetFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code --node} names: {@code lnd}, {@code ldk}, {@code cln}, {@code eclair}, each a
 * {@link TargetFactory} registered for {@link java.util.ServiceLoader}. Option {@code image}
 * replaces the pinned image (any image that follows the same conventions); {@code bitcoind-image}
 * does so for the bitcoind that {@code cln} and {@code eclair} need; {@code args} adds
 * space-separated arguments to the node's command line (JVM options for Eclair), e.g.
 * {@code --debuglevel=debug} for lnd. Without {@code image},
 * {@code LNCONFORM_LND_IMAGE} / {@code LNCONFORM_LDK_IMAGE} (the names .ci/images.sh builds) apply
 * when set. Each throws {@link DockerEngine.UnavailableException} when no Docker engine answers.
 */
public final class NodeTargets {

    private static final System.Logger LOG = System.getLogger("org.lnconform.containers");

    /** LDK's timer tick for {@code --node ldk}: one keep-alive ping per tick (see {@link Ldk}). */
    static final int LDK_TICK_SECONDS = 4;

    private NodeTargets() {}

    static String image(Map<String, String> options, String envVariable, String pinned) {
        return Optional.ofNullable(options.get("image"))
                .or(() -> Optional.ofNullable(envVariable == null ? null : System.getenv(envVariable)))
                .filter(s -> !s.isBlank()).orElse(pinned);
    }

    /** A user-chosen image is taken as a substitute for the pinned one: the user vouches for its conventions. */
    static DockerImageName substitute(String image, DockerImageName pinned) {
        return DockerImageName.parse(image).asCompatibleSubstituteFor(pinned);
    }

    static String[] args(Map<String, String> options) {
        String a = options.getOrDefault("args", "").trim();
        return a.isEmpty() ? new String[0] : a.split("\\s+");
    }

    static Consumer<String> dialBackLog(String name) {
        return s -> LOG.log(System.Logger.Level.DEBUG, name + " dial-back: " + s);
    }

    /** {@code --node lnd}: lnd v0.19.3-beta; dials back through REST. */
    public static final class Lnd implements TargetFactory {
        @Override
        public String name() {
            return "lnd";
        }

        @Override
        public Target start(Map<String, String> options) {
            String image = image(options, "LNCONFORM_LND_IMAGE",
                    LndContainer.DEFAULT_IMAGE_NAME.withTag(LndContainer.DEFAULT_TAG).asCanonicalNameString());
            LndContainer lnd = new LndContainer(substitute(image, LndContainer.DEFAULT_IMAGE_NAME))
                    .withLndArgs(args(options)).withDialBackFailures(dialBackLog("lnd"));
            return ContainerTarget.start(name(), "lnd (Lightning Labs)", lnd);
        }
    }

    /**
     * {@code --node ldk}: a bare LDK 0.2.7 PeerManager; dials back through its control interface.
     * Its timer ticks every {@link #LDK_TICK_SECONDS} s instead of the program's 10, so its keep-alive
     * ping (one per tick) comes within the cases' 5 s reply bound; {@code args} can override it
     * ({@code --tick-secs N}).
     */
    public static final class Ldk implements TargetFactory {
        @Override
        public String name() {
            return "ldk";
        }

        @Override
        public Target start(Map<String, String> options) {
            String image = image(options, "LNCONFORM_LDK_IMAGE",
                    LdkContainer.DEFAULT_IMAGE_NAME.withTag(LdkContainer.DEFAULT_TAG).asCanonicalNameString());
            LdkContainer ldk = new LdkContainer(substitute(image, LdkContainer.DEFAULT_IMAGE_NAME))
                    .withTickSeconds(LDK_TICK_SECONDS).withLdkArgs(args(options))
                    .withDialBackFailures(dialBackLog("ldk"));
            return ContainerTarget.start(name(), "LDK (lightning PeerManager, lightning-net-tokio)", ldk);
        }
    }

    /** {@code --node cln}: Core Lightning with a regtest bitcoind; dials back with lightning-cli. */
    public static final class Cln implements TargetFactory {
        @Override
        public String name() {
            return "cln";
        }

        @Override
        public Target start(Map<String, String> options) {
            BitcoindContainer bitcoind = bitcoind(options);
            String image = image(options, null,
                    ClnContainer.DEFAULT_IMAGE_NAME.withTag(ClnContainer.DEFAULT_TAG).asCanonicalNameString());
            ClnContainer cln = new ClnContainer(substitute(image, ClnContainer.DEFAULT_IMAGE_NAME), bitcoind)
                    .withLightningdArgs(args(options)).withDialBackFailures(dialBackLog("cln"));
            return ContainerTarget.start(name(), "Core Lightning", cln);
        }
    }

    /** {@code --node eclair}: Eclair with a regtest bitcoind; dials back through its API. */
    public static final class Eclair implements TargetFactory {
        @Override
        public String name() {
            return "eclair";
        }

        @Override
        public Target start(Map<String, String> options) {
            BitcoindContainer bitcoind = bitcoind(options);
            String image = image(options, null,
                    EclairContainer.DEFAULT_IMAGE_NAME.withTag(EclairContainer.DEFAULT_TAG).asCanonicalNameString());
            EclairContainer eclair = new EclairContainer(substitute(image, EclairContainer.DEFAULT_IMAGE_NAME),
                    bitcoind).withJavaOptions(args(options)).withDialBackFailures(dialBackLog("eclair"));
            return ContainerTarget.start(name(), "Eclair (ACINQ)", eclair);
        }
    }

    private static BitcoindContainer bitcoind(Map<String, String> options) {
        String image = Optional.ofNullable(options.get("bitcoind-image")).orElse(
                BitcoindContainer.DEFAULT_IMAGE_NAME.withTag(BitcoindContainer.DEFAULT_TAG).asCanonicalNameString());
        return new BitcoindContainer(substitute(image, BitcoindContainer.DEFAULT_IMAGE_NAME));
    }
}
