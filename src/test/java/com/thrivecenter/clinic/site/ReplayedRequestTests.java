package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
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

    @Test
    void aMultipartBodyGivesItsPartsAndItsTextFieldsJoinTheQueryString() throws Exception {
        MockHttpServletRequest original = formPost("multipart/form-data; boundary=XyZ");
        original.setQueryString("_csrf=t");
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        ReplayedRequest request = new ReplayedRequest(original, multipart(picture));

        assertThat(request.getParameter("_csrf")).isEqualTo("t");
        assertThat(request.getParameter("alt")).isEqualTo("Caf\u00e9 sign");
        assertThat(request.getParameter("picture")).isNull();
        assertThat(request.getParts()).extracting(Part::getName).containsExactly("alt", "picture");
        Part file = request.getPart("picture");
        assertThat(file.getSubmittedFileName()).isEqualTo("sign.png");
        assertThat(file.getContentType()).isEqualTo("image/png");
        assertThat(file.getSize()).isEqualTo(picture.length);
        try (InputStream bytes = file.getInputStream()) {
            assertThat(bytes.readAllBytes()).isEqualTo(picture);
        }
    }

    @Test
    void aBodyThatIsNotProperMultipartOrHasTooManyPartsGivesNoPartsAndNoFields() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append("--XyZ\r\nContent-Disposition: form-data; name=\"f")
                    .append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        many.append("--XyZ--\r\n");

        for (byte[] body : List.of(utf8("--nonsense\r\nnot a part"), utf8(many.toString()))) {
            ReplayedRequest request = new ReplayedRequest(formPost("multipart/form-data; boundary=XyZ"), body);
            assertThat(request.getParts()).isEmpty();
            assertThat(request.getParameterMap()).isEmpty();
        }
    }

    @Test
    void aMissingOrHugeBoundaryGivesNoPartsEither() throws Exception {
        for (String type : List.of(
                "multipart/form-data",
                "multipart/form-data; boundary=" + "x".repeat(5_000),
                "multipart/form-data; boundary=\"a b\"")) {
            ReplayedRequest request = new ReplayedRequest(formPost(type), utf8("--x\r\nnot a part"));
            assertThat(request.getParts()).as(type).isEmpty();
            assertThat(request.getParameterMap()).as(type).isEmpty();
        }
    }

    private static byte[] multipart(byte[] picture) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(utf8("--XyZ\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nCaf\u00e9 sign\r\n"));
        body.write(utf8("--XyZ\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"sign.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"));
        body.write(picture);
        body.write(utf8("\r\n--XyZ--\r\n"));
        return body.toByteArray();
    }
}
