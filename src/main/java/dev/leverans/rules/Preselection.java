package dev.leverans.rules;

import java.util.List;

/**
 * Which offered option is preselected: the first offered one named in {@code prefer}, else the
 * first offered ({@code FIRST}) or the cheapest ({@code CHEAPEST}, earliest in order on a tie).
 */
public record Preselection(List<String> prefer, Fallback otherwise) {
    public enum Fallback { FIRST, CHEAPEST }

    public Preselection {
        prefer = List.copyOf(prefer);
    }

    /** Index into {@code offered} of the option to preselect; {@code offered} is not empty. */
    public int choose(List<OfferedOption> offered) {
        for (String id : prefer) {
            for (int i = 0; i < offered.size(); i++) {
                if (offered.get(i).option().id().equals(id)) return i;
            }
        }
        if (otherwise == Fallback.FIRST) return 0;
        int cheapest = 0;
        for (int i = 1; i < offered.size(); i++) {
            if (offered.get(i).price() < offered.get(cheapest).price()) cheapest = i;
        }
        return cheapest;
    }
}
