package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The running Tomcat keeps closed connections' buffers for new ones, whatever the heap: its own default keeps none
 * under 2 GB, the production recipe's heap. Its write buffer holds a whole page. What that does to memory under load is measured by
 * {@code bench/run.sh} (bench/README.md).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConnectionBuffersIT {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void theRunningConnectorKeepsClosedConnectionsBuffers() {
        assertThat(connectorProperty("socket.bufferPool"))
                .isEqualTo(String.valueOf(TomcatConfig.KEPT_CONNECTION_BUFFERS));
    }

    @Test
    void theRunningConnectorGathersAWholePageBeforeWritingIt() {
        assertThat(connectorProperty("socket.appWriteBufSize"))
                .isEqualTo(String.valueOf(TomcatConfig.WRITE_BUFFER_BYTES));
    }

    private Object connectorProperty(String name) {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        return connector.getProperty(name);
    }
}
