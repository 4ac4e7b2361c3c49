package io.linetwin.predict.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class MeasurementCsvTest {

    private static MeasurementSet parse(String text) throws Exception {
        FlowNetwork network = FlowNetwork.of(FlowNetworkTest.library("bottling-line"));
        return MeasurementCsv.parse("m.csv", List.of(text.split("\n", -1)), network);
    }

    @Test
    void readsAbsoluteAndRelativeAccuracyAndSkipsCommentsAndBlankLines() throws Exception {
        MeasurementSet sd = parse(
                "# counters of week 48\nstream,value,sd\n\nfiller.out,70672,70\n" + "b1.stock.end.litre, 60 , 0\n");
        FlowNetwork network = sd.network();
        int fillerOut = network.indexOf("filler.out").orElseThrow();
        assertThat(sd.count()).isEqualTo(2);
        assertThat(sd.value(fillerOut)).isEqualTo(70672);
        assertThat(sd.sd(fillerOut)).isEqualTo(70);
        MeasurementSet relative = parse("value,relative,stream\n70672,0.01,filler.out\n0,0.02,b2.stock.end\n");
        assertThat(relative.sd(fillerOut)).isEqualTo(706.72);
        assertThat(relative.sd(network.indexOf("b2.stock.end").orElseThrow())).isEqualTo(0.02);
        assertThat(relative.measured(network.indexOf("capper.out").orElseThrow()))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing column      | stream,value\\nfiller.out,1                      | m.csv:1: the header must name the columns stream, value and sd (or relative)
            unknown column      | stream,value,sigma\\nfiller.out,1,1              | m.csv:1: unknown column 'sigma'
            both accuracies     | stream,value,sd,relative\\nfiller.out,1,1,1      | m.csv:1: the header must have one of the columns sd and relative, got both
            unknown stream      | stream,value,sd\\nfiller.outt,1,1                | m.csv:2: unknown stream 'filler.outt'; did you mean 'filler.out'?
            negative sd         | stream,value,sd\\n\\nfiller.out,1,-2             | m.csv:3: sd of filler.out must be >= 0, got -2
            negative relative   | stream,value,relative\\nfiller.out,1,-0.1        | m.csv:2: relative of filler.out must be >= 0, got -0.1
            missing field       | stream,value,sd\\nfiller.out,1                   | m.csv:2: expected 3 fields like the header on line 1, got 2
            not a number        | stream,value,sd\\nfiller.out,lots,1              | m.csv:2: value: expected a number, got "lots"
            infinite sd         | stream,value,sd\\nfiller.out,1,Infinity          | m.csv:2: sd: expected a number, got "Infinity"
            twice               | stream,value,sd\\nfiller.out,1,1\\nfiller.out,2,1 | m.csv:3: stream filler.out is measured twice (first on line 2)
            empty               | # nothing\\n                                     | m.csv:1: no header
            """)
    void badInputNamesFileAndLine(String what, String text, String message) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
                .as(what)
                .isInstanceOf(BalanceInputException.class)
                .hasMessageStartingWith(message);
    }
}
