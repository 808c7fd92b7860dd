package org.lnconform.containers;

/**
 * The node images the Docker tests run: system property {@code lnconform.<node>.image}, else
 * {@code LNCONFORM_<NODE>_IMAGE} (the names .ci/images.sh builds), else lnconform's local builds.
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
        return node.equals("lnd") || node.equals("ldk") || node.equals("cln") || node.equals("eclair") ? forNode(node)
                : "";
    }

    static String forNode(String node) {
        String fallback = switch (node) {
            case "lnd" -> LndContainer.LOCAL_IMAGE.asCanonicalNameString();
            case "ldk" -> LdkContainer.DEFAULT_IMAGE_NAME.withTag(LdkContainer.DEFAULT_TAG).asCanonicalNameString();
            case "cln" -> ClnContainer.LOCAL_IMAGE.asCanonicalNameString();
            case "eclair" -> EclairContainer.LOCAL_IMAGE.asCanonicalNameString();
            default -> throw new IllegalArgumentException("no test image for " + node);
        };
        String p = System.getProperty("lnconform." + node + ".image");
        if (p != null && !p.isBlank()) {
            return p;
        }
        String e = System.getenv("LNCONFORM_" + node.toUpperCase() + "_IMAGE");
        return e != null && !e.isBlank() ? e : fallback;
    }
}
