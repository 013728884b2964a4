package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A request replayed from a body read in advance looks to the application like the request that arrived. */
class ReplayedRequestTests {

    private static MockHttpServletRequest formPost(String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/contact");
        request.setDispatcherType(DispatcherType.ASYNC);
        request.setContentType(contentType);
        request.setCharacterEncoding("UTF-8");
        return request;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void formFieldsComeFromTheBodyAfterTheQueryStringsInTheRequestsEncoding() {
        MockHttpServletRequest original = formPost("application/x-www-form-urlencoded");
        original.setQueryString("step=2");
        ReplayedRequest request = new ReplayedRequest(
                original,
                utf8(
                        "name=Ren%C3%A9e+Example&step=3&preferredTimes=a&preferredTimes=b&empty=&flag&&message=caf\u00e9"));

        assertThat(request.getParameter("name")).isEqualTo("Renée Example");
        assertThat(request.getParameterValues("step")).containsExactly("2", "3");
        assertThat(request.getParameter("step")).isEqualTo("2");
        assertThat(request.getParameterValues("preferredTimes")).containsExactly("a", "b");
        assertThat(request.getParameter("empty")).isEmpty();
        assertThat(request.getParameter("flag")).isEmpty();
        assertThat(request.getParameter("message")).isEqualTo("café");
        assertThat(Collections.list(request.getParameterNames()))
                .containsExactly("step", "name", "preferredTimes", "empty", "flag", "message");
        assertThat(request.getParameter("missing")).isNull();
    }

    @Test
    void aFieldThatIsNotProperlyEncodedIsLeftOutLikeTheContainerDoes() {
        ReplayedRequest request = new ReplayedRequest(
                formPost("application/x-www-form-urlencoded; charset=UTF-8"), utf8("bad=%zz&lone=%&good=yes"));

        assertThat(request.getParameterMap()).containsOnlyKeys("good");
    }

    @Test
    void onlyAFormPostHasItsBodyReadAsFields() {
        MockHttpServletRequest json = formPost("application/json");
        assertThat(new ReplayedRequest(json, utf8("a=b")).getParameterMap()).isEmpty();

        MockHttpServletRequest put = formPost("application/x-www-form-urlencoded");
        put.setMethod("PUT");
        assertThat(new ReplayedRequest(put, utf8("a=b")).getParameterMap()).isEmpty();
    }

    @Test
    void theBodyIsServedFromMemoryAsAStreamOrAsText() throws IOException {
        byte[] body = utf8("{\"message\":\"café\"}");
        ReplayedRequest request = new ReplayedRequest(formPost("application/json"), body);

        assertThat(request.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(request.getInputStream().isFinished()).isTrue();
        assertThat(new ReplayedRequest(formPost("application/json"), body)
                        .getReader()
                        .readLine())
                .isEqualTo("{\"message\":\"café\"}");
        assertThatIllegalStateException()
                .isThrownBy(() -> request.getInputStream().setReadListener(new ReadListener() {
                    @Override
                    public void onDataAvailable() {}

                    @Override
                    public void onAllDataRead() {}

                    @Override
                    public void onError(Throwable failure) {}
                }));
    }

    @Test
    void theReplayIsAFreshRequestToEveryFilterAfterIt() {
        assertThat(new ReplayedRequest(formPost("application/x-www-form-urlencoded"), new byte[0]).getDispatcherType())
                .isEqualTo(DispatcherType.REQUEST);
    }
}
