package dev.leverans.rules;

import java.util.Arrays;

/** Item or parcel dimensions in millimetres, stored largest first so any orientation compares. */
public record Dimensions(int largest, int middle, int smallest) {

    public static Dimensions of(int a, int b, int c) {
        int[] sorted = {a, b, c};
        Arrays.sort(sorted);
        return new Dimensions(sorted[2], sorted[1], sorted[0]);
    }

    public boolean fitsWithin(Dimensions limit) {
        return largest <= limit.largest && middle <= limit.middle && smallest <= limit.smallest;
    }

    @Override
    public String toString() { return largest + "x" + middle + "x" + smallest + " mm"; }
}
