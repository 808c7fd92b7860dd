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
 * {@code LNCONFORM_LND_IMAGE} / {@code LNCONFORM_LDK_IMAGE} / {@code LNCONFORM_CLN_IMAGE} /
 * {@code LNCONFORM_ECLAIR_IMAGE} (the names .ci/images.sh builds) apply when set. Each throws
 * {@link DockerEngine.UnavailableException} when no Docker engine answers.
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

    /**
     * {@code --node cln}: Core Lightning; dials back with lightning-cli. The image comes from
     * {@code image}, else {@code LNCONFORM_CLN_IMAGE}, else lnconform's local build when the engine
     * has it, else the official image. lnconform's local image ({@code lnconform/cln:*}) runs with
     * its stand-in chain backend and no bitcoind; any other image gets a regtest bitcoind. Option
     * {@code chain} ({@code standin} or {@code bitcoind}) overrides that choice.
     */
    public static final class Cln implements TargetFactory {
        @Override
        public String name() {
            return "cln";
        }

        @Override
        public Target start(Map<String, String> options) {
            String image = image(options, "LNCONFORM_CLN_IMAGE", defaultImage());
            DockerImageName name = substitute(image, ClnContainer.DEFAULT_IMAGE_NAME);
            ClnContainer cln = standIn(options, name) ? new ClnContainer(name)
                    : new ClnContainer(name, bitcoind(options));
            cln.withLightningdArgs(args(options)).withDialBackFailures(dialBackLog("cln"));
            return ContainerTarget.start(name(), "Core Lightning", cln);
        }

        static boolean standIn(Map<String, String> options, DockerImageName image) {
            String chain = options.getOrDefault("chain", "").trim();
            return switch (chain) {
                case "" -> ClnContainer.isLocalImage(image) && !options.containsKey("bitcoind-image");
                case "standin" -> true;
                case "bitcoind" -> false;
                default -> throw new IllegalArgumentException("option chain must be standin or bitcoind, not " + chain);
            };
        }

        /** The local build if the engine has it (nothing can be pulled here), else the official image. */
        private static String defaultImage() {
            String local = ClnContainer.LOCAL_IMAGE.asCanonicalNameString();
            try {
                if (DockerEngine.problem().isEmpty() && DockerEngine.hasImage(local)) {
                    return local;
                }
            } catch (RuntimeException e) {
                // no engine: ContainerTarget.start reports that
            }
            return ClnContainer.DEFAULT_IMAGE_NAME.withTag(ClnContainer.DEFAULT_TAG).asCanonicalNameString();
        }
    }

    /**
     * {@code --node eclair}: Eclair, dialing back through its API. Image: option {@code image}, else
     * {@code LNCONFORM_ECLAIR_IMAGE}, else lnconform's local build when the engine has it, else the
     * official image. lnconform's image ({@code lnconform/eclair}) brings its own stand-in bitcoind;
     * any other image gets a regtest bitcoind container.
     */
    public static final class Eclair implements TargetFactory {
        @Override
        public String name() {
            return "eclair";
        }

        @Override
        public Target start(Map<String, String> options) {
            String official = EclairContainer.DEFAULT_IMAGE_NAME.withTag(EclairContainer.DEFAULT_TAG)
                    .asCanonicalNameString();
            String image = image(options, "LNCONFORM_ECLAIR_IMAGE", null);
            if (image == null) {
                DockerEngine.require();
                String local = EclairContainer.LOCAL_IMAGE.asCanonicalNameString();
                image = DockerEngine.hasImage(local) ? local : official;
            }
            EclairContainer eclair = usesStandIn(image)
                    ? new EclairContainer(substitute(image, EclairContainer.LOCAL_IMAGE))
                    : new EclairContainer(substitute(image, EclairContainer.DEFAULT_IMAGE_NAME), bitcoind(options));
            eclair.withJavaOptions(args(options)).withDialBackFailures(dialBackLog("eclair"));
            return ContainerTarget.start(name(), "Eclair (ACINQ)", eclair);
        }

        /** lnconform's images carry the stand-in bitcoind; others need a real one. */
        static boolean usesStandIn(String image) {
            return DockerImageName.parse(image).getRepository().equals(EclairContainer.LOCAL_IMAGE.getRepository());
        }
    }

    private static BitcoindContainer bitcoind(Map<String, String> options) {
        String image = Optional.ofNullable(options.get("bitcoind-image")).orElse(
                BitcoindContainer.DEFAULT_IMAGE_NAME.withTag(BitcoindContainer.DEFAULT_TAG).asCanonicalNameString());
        return new BitcoindContainer(substitute(image, BitcoindContainer.DEFAULT_IMAGE_NAME));
    }
}
