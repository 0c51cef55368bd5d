package io.trailwatch.query.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesEveryCellAndDoublesQuotes() {
        assertThat(Csv.cell("plain")).isEqualTo("\"plain\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("a,b\r\nc")).isEqualTo("\"a,b\r\nc\"");
        assertThat(Csv.cell(null)).isEqualTo("\"\"");
        assertThat(Csv.cell(42)).isEqualTo("\"42\"");
    }

    @Test
    void defusesEveryFormulaStart() {
        for (String hostile : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "   =1", " \t@x"}) {
            assertThat(Csv.cell(hostile)).as(hostile).isEqualTo("\"'" + hostile + "\"");
        }
        assertThat(Csv.cell("a=1")).isEqualTo("\"a=1\"");
        assertThat(Csv.cell("")).isEqualTo("\"\"");
    }

    @Test
    void endsRowsWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        Csv.row(out, Arrays.asList("a", null, "=b"));
        assertThat(out.toString()).isEqualTo("\"a\",\"\",\"'=b\"\r\n");
    }
}
