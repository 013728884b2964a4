import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The ceiling for the site on its servlet container: the Tomcat the site runs on, embedded the same way, with one
 * servlet that sends a page's bytes from memory (gzip bytes to a client that asks for gzip) and nothing else: no
 * Spring, no filters, no security headers. bench/run.sh runs it beside the site and nginx, from the site's own
 * libraries, so what separates the site from this is the site's own cost, and what separates this from nginx is the
 * container's.
 *
 * <p>Usage: java -cp 'LIB/*' bench/BareTomcat.java PORT PAGE.html PAGE.html.gz SCRATCH_DIR
 */
public class BareTomcat {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] html = Files.readAllBytes(Path.of(args[1]));
        byte[] gzipped = Files.readAllBytes(Path.of(args[2]));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[3]);
        Connector connector = new Connector();
        connector.setPort(port);
        // As the site's connector (TomcatConfig): keep-alive connections carry up to 1000 requests, a closed
        // connection's buffers serve the next one, and a page leaves in one write.
        connector.setProperty("maxKeepAliveRequests", "1000");
        connector.setProperty("socket.bufferPool", "128");
        connector.setProperty("socket.appWriteBufSize", "32768");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "page", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String accepted = request.getHeader("Accept-Encoding");
                boolean gzip = accepted != null && accepted.contains("gzip");
                byte[] body = gzip ? gzipped : html;
                response.setContentType("text/html;charset=UTF-8");
                if (gzip) {
                    response.setHeader("Content-Encoding", "gzip");
                }
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        });
        context.addServletMappingDecoded("/", "page");
        tomcat.start();
        tomcat.getServer().await();
    }
}
