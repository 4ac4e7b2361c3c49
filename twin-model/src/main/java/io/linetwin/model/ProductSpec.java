package io.linetwin.model;

/** A product the line makes and its share of releases. */
public record ProductSpec(String id, double mix) {
    public ProductSpec {
        Checks.id("product id", id);
        Checks.positive("product " + id + " mix", mix);
    }
}
