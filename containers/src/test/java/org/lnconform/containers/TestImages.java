package org.lnconform.containers;

/**
 * The node images the Docker tests run: system property {@code lnconform.<node>.image}, else
 * {@code LNCONFORM_<NODE>_IMAGE} (the names .ci/images.sh builds; upper case, other characters
 * than letters and digits as {@code _}), else lnconform's local builds. A node is an
 * implementation ({@code lnd}: its pinned release) or an implementation and a release
 * ({@code lnd-v0.21.3-beta}: {@code LNCONFORM_LND_V0_21_3_BETA_IMAGE}, else
 * {@code lnconform/lnd:v0.21.3-beta-local}).
 */
final class TestImages {

    private TestImages() {}

    static String lnd() {
        return forNode("lnd");
    }

    static String ldk() {
        return forNode("ldk");
    }

    static String cln() {
        return forNode("cln");
    }

    static String eclair() {
        return forNode("eclair");
    }

    /** The image for a node that has one, else an empty string (the embedded reference node). */
    static String forNodeOrNone(String node) {
        return node.equals("reference") ? "" : forNode(node);
    }

    /** {@code lnd} for {@code lnd} and {@code lnd-v0.21.3-beta}. */
    static String implementation(String node) {
        int dash = node.indexOf('-');
        return dash < 0 ? node : node.substring(0, dash);
    }

    /** {@code LNCONFORM_LND_V0_21_3_BETA_IMAGE} for {@code lnd-v0.21.3-beta}, as .ci/images.sh names them. */
    static String envVariable(String node) {
        return "LNCONFORM_" + node.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_IMAGE";
    }

    static String forNode(String node) {
        String impl = implementation(node);
        String release = node.length() > impl.length() ? node.substring(impl.length() + 1) : null;
        String fallback = switch (impl) {
            case "lnd" -> release == null ? LndContainer.LOCAL_IMAGE.asCanonicalNameString()
                    : "lnconform/lnd:" + release + "-local";
            case "ldk" -> LdkContainer.DEFAULT_IMAGE_NAME.withTag(release == null ? LdkContainer.DEFAULT_TAG
                    : release + "-local").asCanonicalNameString();
            case "cln" -> ClnContainer.LOCAL_IMAGE.asCanonicalNameString();
            case "eclair" -> EclairContainer.LOCAL_IMAGE.asCanonicalNameString();
            default -> throw new IllegalArgumentException("no test image for " + node);
        };
        String p = System.getProperty("lnconform." + node + ".image");
        if (p != null && !p.isBlank()) {
            return p;
        }
        String e = System.getenv(envVariable(node));
        return e != null && !e.isBlank() ? e : fallback;
    }
}
