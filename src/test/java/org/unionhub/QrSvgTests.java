package org.unionhub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QrSvgTests {

    @Test
    void aScannerReadsBackWhatWasEncoded() {
        String link = "https://unionhub.example/api/v1/cards/verify?token=" + "eyJtZW1iZXJObyI6Ik0wMDAwMDAwMDE3In0".repeat(6)
                + ".c2lnbmF0dXJl";
        String svg = QrSvg.of(link);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(QrDecoding.fromSvg(svg)).isEqualTo(link);
    }

    @Test
    void darkModulesInARowAreOneRectangle() {
        String svg = QrSvg.of("https://unionhub.example/find/stations/1");
        // The finder pattern's top edge is seven dark modules in a row, after the two-module margin.
        assertThat(svg).contains("M2,2h7v1h-7z").doesNotContain("h1v1h-1zM3,2");
    }
}
