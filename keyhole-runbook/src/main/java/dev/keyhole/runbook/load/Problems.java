package dev.keyhole.runbook.load;

import dev.keyhole.runbook.yaml.Location;
import java.util.ArrayList;
import java.util.List;

/** Collects problems while one file is read and checked. */
final class Problems {

    private final List<RunbookProblem> list = new ArrayList<>();

    void add(Location at, String message) {
        list.add(new RunbookProblem(at, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    List<RunbookProblem> list() {
        return List.copyOf(list);
    }
}
