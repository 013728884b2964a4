package com.thrivecenter.clinic.site;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Behind a TLS-terminating proxy, the client's real address and protocol come from the proxy's X-Forwarded-For
 * and X-Forwarded-Proto, believed only when the connection comes from a proxy the site trusts
 * ({@code clinic.proxies.trusted}). The client is the last address in X-Forwarded-For that is not itself a
 * trusted proxy: a proxy appends the address it saw to whatever the client sent, so anything to the left of it
 * may be made up. Any other forwarding header (X-Forwarded-Host, Forwarded) is ignored: the site's own address
 * comes from its settings and its redirects name only a path.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final Pattern trusted;

    TrustedProxies(String trusted) {
        this.trusted = Pattern.compile(trusted);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!(peer instanceof InetSocketAddress proxy)
                || !trusts(proxy.getAddress().getHostAddress())) {
            return request;
        }
        String client = client(request.getHeaders().getCSV(FORWARDED_FOR, false));
        String proto = request.getHeaders().get(FORWARDED_PROTO);
        boolean https = proto == null ? request.isSecure() : HttpScheme.HTTPS.is(proto.strip());
        InetSocketAddress remote = client == null ? proxy : InetSocketAddress.createUnresolved(client, proxy.getPort());
        HttpURI uri = HttpURI.build(request.getHttpURI())
                .scheme(https ? HttpScheme.HTTPS : HttpScheme.HTTP)
                .asImmutable();
        ConnectionMetaData connection = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }

            @Override
            public boolean isSecure() {
                return https;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return uri;
            }

            @Override
            public boolean isSecure() {
                return https;
            }

            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return connection;
            }
        };
    }

    /** The rightmost address that is not a trusted proxy's; none when the header names none. */
    private String client(List<String> forwardedFor) {
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String address = forwardedFor.get(i).strip();
            if (!address.isEmpty() && (!trusts(address) || i == 0)) {
                return address;
            }
        }
        return null;
    }

    private boolean trusts(String address) {
        return trusted.matcher(address).matches();
    }
}
