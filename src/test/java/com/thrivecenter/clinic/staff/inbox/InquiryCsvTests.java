package com.thrivecenter.clinic.staff.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InquiryCsvTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "+1",
                "-1",
                "@SUM(A1)",
                "\t=1",
                "\r=1",
                "＝HYPERLINK(\"https://evil.example\")",
                "＋1",
                "－1",
                "＠SUM(A1)",
                "﹦1",
                "\u200B=1",
                "\uFEFF=1",
                "\u2060@SUM(A1)",
                "\u200E+1",
                "\u00AD-1",
                " =1",
                "   @SUM(A1)",
                "\u00A0=1",
                "\u3000=1",
                "\n=1",
                "\u200B \uFEFF＝1"
            })
    void aCellASpreadsheetCouldReadAsAFormulaGetsALeadingApostrophe(String cell) {
        assertThat(InquiryCsv.neutralised(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Rosa Example", "555 010 0142", "rosa@example.org", "a=b", "Ⅻ", " ", "\u200B", "café"})
    void otherCellsAreLeftAsTheyAre(String cell) {
        assertThat(InquiryCsv.neutralised(cell)).isEqualTo(cell);
    }
}
