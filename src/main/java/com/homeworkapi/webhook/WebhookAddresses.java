package com.homeworkapi.webhook;

import com.homeworkapi.common.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The guard against server-side request forgery: an endpoint's URL must be https (http only with
 * WEBHOOK_ALLOW_INSECURE) and every address its host resolves to must be a public one. It is
 * checked when the endpoint is saved and again before every delivery, which then connects to
 * the very address checked, so a name that later resolves elsewhere (DNS rebinding) gains nothing.
 */
@ApplicationScoped
public class WebhookAddresses {

    /** Why a URL or address is refused, as a code recorded on the attempt and a sentence for the caller. */
    public static final class Refused extends Exception {

        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @Inject
    HostResolver resolver;

    @Inject
    WebhookConfig config;

    /** Checks a URL as an endpoint is created or updated: 400 naming {@code url} when it is refused. */
    public URI requireAllowed(String url) {
        try {
            URI uri = parse(url);
            resolveAllowed(uri);
            return uri;
        } catch (Refused refused) {
            throw ApiProblem.invalid("url", refused.getMessage());
        }
    }

    /** The URL as the dispatcher uses it, or why it is refused. */
    public URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new Refused("invalid_url", "must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowInsecure())) {
            throw new Refused("invalid_url", "must be an absolute https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Refused("invalid_url", "must be an absolute https URL with a host, without user info or fragment");
        }
        return uri;
    }

    /** Every address of the URL's host, when all of them are allowed; the dispatcher connects to the first. */
    public List<InetAddress> resolveAllowed(URI uri) throws Refused {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException unknown) {
            throw new Refused("unresolved_host", "names a host that does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused("unresolved_host", "names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, config.allowInsecure());
            if (refusal.isPresent()) {
                throw new Refused("address_refused",
                        "resolves to a " + refusal.get().replace('_', ' ') + " address, which webhooks may not reach");
            }
        }
        return addresses;
    }

    /**
     * Why webhooks may not reach this address, if they may not: loopback (unless allowed),
     * private, link-local (which holds cloud metadata at 169.254.169.254), carrier-grade NAT,
     * multicast, unspecified, reserved, and IPv6 unique-local (AWS's fd00:ec2::254) and site-local.
     */
    static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            Optional<byte[]> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                try {
                    return refusal(InetAddress.getByAddress(embedded.get()), allowLoopback);
                } catch (UnknownHostException impossible) {
                    return Optional.of("reserved");
                }
            }
            if (address.isLoopbackAddress()) {
                return allowLoopback ? Optional.empty() : Optional.of("loopback");
            }
            if (address.isAnyLocalAddress()) {
                return Optional.of("unspecified");
            }
            if (address.isMulticastAddress()) {
                return Optional.of("multicast");
            }
            if (address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
                return Optional.of("link_local");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of(isMetadata(b) ? "cloud_metadata" : "private");
            }
            return Optional.empty();
        }
        if (!(address instanceof Inet4Address)) {
            return Optional.of("reserved");
        }
        int[] b = unsigned(address.getAddress());
        if (b[0] == 127) {
            return allowLoopback ? Optional.empty() : Optional.of("loopback");
        }
        if (b[0] == 169 && b[1] == 254) {
            return Optional.of(b[2] == 169 && b[3] == 254 ? "cloud_metadata" : "link_local");
        }
        if (b[0] == 0) {
            return Optional.of("unspecified");
        }
        if (b[0] == 10 || b[0] == 172 && (b[1] & 0xf0) == 16 || b[0] == 192 && b[1] == 168) {
            return Optional.of("private");
        }
        if (b[0] == 100 && (b[1] & 0xc0) == 64) {
            return Optional.of("carrier_grade_nat");
        }
        if (b[0] >= 224 && b[0] <= 239) {
            return Optional.of("multicast");
        }
        if (b[0] >= 240 || b[0] == 192 && b[1] == 0 && b[2] == 0 || b[0] == 198 && (b[1] & 0xfe) == 18) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        if (compatible && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        if (nat64) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return Optional.empty();
    }

    private static boolean isMetadata(byte[] b) {
        // fd00:ec2::254
        byte[] metadata = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return Arrays.equals(b, metadata);
    }

    private static int[] unsigned(byte[] bytes) {
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xff;
        }
        return values;
    }
}
