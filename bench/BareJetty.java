import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling for the site on its server: the Jetty the site runs on, with one handler that sends a page's bytes from
 * memory (gzip bytes to a client that asks for gzip) on the thread that read the request, as the site's own page
 * handler does, and nothing else: no Spring, no servlets, no security headers. bench/run.sh runs it beside the site
 * and nginx, from the site's own libraries, so what separates the site from this is the site's own cost, and what
 * separates this from nginx is the server's.
 *
 * <p>Usage: java -cp 'LIB/*' bench/BareJetty.java PORT PAGE.html PAGE.html.gz
 */
public class BareJetty {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] html = Files.readAllBytes(Path.of(args[1]));
        byte[] gzipped = Files.readAllBytes(Path.of(args[2]));
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String accepted = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
                boolean gzip = accepted != null && accepted.contains("gzip");
                byte[] body = gzip ? gzipped : html;
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
                if (gzip) {
                    response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
                }
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
