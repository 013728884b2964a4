package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageWithHolesTests {

    private static String filled(PageWithHoles page, Map<String, String> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page.writeTo(out, values);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachHoleGetsItsOwnValueWhereverItsMarkerWasAndTheRestIsKeptAsItWas() throws IOException {
        PageWithHoles page = PageWithHoles.cut(
                "<p>Café</p><input name=b value=\"HOLE-B\"><input name=a value=\"HOLE-A\"><p>end</p>",
                List.of("HOLE-A", "HOLE-B"));

        assertThat(filled(page, Map.of("HOLE-A", "first", "HOLE-B", "second")))
                .isEqualTo("<p>Café</p><input name=b value=\"second\"><input name=a value=\"first\"><p>end</p>");
        assertThat(filled(page, Map.of("HOLE-A", "again", "HOLE-B", "anew")))
                .isEqualTo("<p>Café</p><input name=b value=\"anew\"><input name=a value=\"again\"><p>end</p>");
    }

    @Test
    void aValueCannotBreakOutOfItsAttribute() throws IOException {
        PageWithHoles page = PageWithHoles.cut("<input name=\"token\" value=\"HOLE\">", List.of("HOLE"));

        String html = filled(page, Map.of("HOLE", "\"><script>alert(1)</script>&"));

        assertThat(Jsoup.parse(html).select("script")).isEmpty();
        assertThat(Jsoup.parse(html).select("input[name=token]").val()).isEqualTo("\"><script>alert(1)</script>&");
    }

    @Test
    void aMarkerMissingOrRepeatedIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> PageWithHoles.cut("<p>none</p>", List.of("HOLE")));
        assertThatIllegalStateException().isThrownBy(() -> PageWithHoles.cut("HOLE HOLE", List.of("HOLE")));
    }
}
