package io.linetwin.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.linetwin.model.LineCalendar;
import io.linetwin.sim.TraceEvent;
import io.linetwin.sim.TraceListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a trace as JSON Lines: one object per event, {@code t} (engine seconds) and {@code event} first.
 * <pre>
 * {"t":0.0,"event":"released","part":1,"product":"a","station":"m1"}
 * {"t":1.2,"event":"moved","part":1,"from":"m1","to":"b1"}
 * {"t":9.7,"event":"finished","part":1,"product":"a","station":"out","leadTimeSeconds":9.7}
 * {"t":3.4,"event":"scrapped","part":2,"product":"a","station":"m2"}
 * {"t":5.0,"event":"assembled","part":3,"into":1,"station":"asm"}
 * {"t":3.4,"event":"state","station":"m2","server":0,"state":"starved"}
 * {"t":6.0,"event":"shortage","station":"packer","material":"cartons","short":true}
 * {"t":7.0,"event":"vehicle","vehicle":0,"from":"packer","to":"out","arrival":57.0,"part":12}
 * {"t":8.0,"event":"conveyor","conveyor":"c1","stopped":true}
 * </pre>
 * The anonymous product of a line without products is written as {@code ""}. When the scenario has a start date
 * ({@code experiment.start: "2026-12-07 06:00"}), {@code at} follows {@code t}: the event's local date and time,
 * ISO-8601 ({@code "2026-12-07T06:00:01.200"}). Schema: docs/schemas/trace-line.schema.json.
 */
final class TraceJsonLines implements TraceListener, Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private final LineCalendar calendar;

    TraceJsonLines(OutputStream out) throws IOException {
        this(out, null);
    }

    /** {@code calendar}: the run's, for {@code at} when it has a start date; null for none. */
    TraceJsonLines(OutputStream out, LineCalendar calendar) throws IOException {
        this.calendar = calendar != null && calendar.hasDate() ? calendar : null;
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    }

    @Override
    public void on(TraceEvent event) {
        try {
            write(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace", e);
        }
    }

    private void write(TraceEvent event) throws IOException {
        json.writeStartObject();
        json.writeNumberField("t", event.timeSeconds());
        if (calendar != null) {
            json.writeStringField(
                    "at", calendar.dateTime(event.timeSeconds()).orElseThrow().toString());
        }
        if (event instanceof TraceEvent.PartReleased e) {
            json.writeStringField("event", "released");
            json.writeNumberField("part", e.part());
            json.writeStringField("product", e.product());
            json.writeStringField("station", e.station());
        } else if (event instanceof TraceEvent.PartMoved e) {
            json.writeStringField("event", "moved");
            json.writeNumberField("part", e.part());
            json.writeStringField("from", e.from());
            json.writeStringField("to", e.to());
        } else if (event instanceof TraceEvent.PartFinished e) {
            json.writeStringField("event", "finished");
            json.writeNumberField("part", e.part());
            json.writeStringField("product", e.product());
            json.writeStringField("station", e.station());
            json.writeNumberField("leadTimeSeconds", e.leadTimeSeconds());
        } else if (event instanceof TraceEvent.PartScrapped e) {
            json.writeStringField("event", "scrapped");
            json.writeNumberField("part", e.part());
            json.writeStringField("product", e.product());
            json.writeStringField("station", e.station());
        } else if (event instanceof TraceEvent.PartAssembled e) {
            json.writeStringField("event", "assembled");
            json.writeNumberField("part", e.part());
            json.writeNumberField("into", e.into());
            json.writeStringField("station", e.station());
        } else if (event instanceof TraceEvent.MaterialShortage e) {
            json.writeStringField("event", "shortage");
            json.writeStringField("station", e.station());
            json.writeStringField("material", e.material());
            json.writeBooleanField("short", e.lacking());
        } else if (event instanceof TraceEvent.VehicleMoved e) {
            json.writeStringField("event", "vehicle");
            json.writeNumberField("vehicle", e.vehicle());
            json.writeStringField("from", e.from());
            json.writeStringField("to", e.to());
            json.writeNumberField("arrival", e.arrivalSeconds());
            json.writeNumberField("part", e.part());
        } else if (event instanceof TraceEvent.ConveyorStopped e) {
            json.writeStringField("event", "conveyor");
            json.writeStringField("conveyor", e.conveyor());
            json.writeBooleanField("stopped", e.stopped());
        } else if (event instanceof TraceEvent.StateChanged e) {
            json.writeStringField("event", "state");
            json.writeStringField("station", e.station());
            json.writeNumberField("server", e.server());
            json.writeStringField("state", e.state());
        } else {
            throw new IllegalStateException("trace event must be one of TraceEvent's records, got " + event);
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.writeRaw('\n');
        json.close();
    }
}
