package dev.keyhole.gateway.ticket;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A provider that answers as told and records every query it was asked. */
final class RecordingProvider implements TicketProvider {

    private final List<TicketQuery> asked = new CopyOnWriteArrayList<>();
    private volatile Function<TicketQuery, TicketVerdict> answer;

    RecordingProvider(Function<TicketQuery, TicketVerdict> answer) {
        this.answer = answer;
    }

    static RecordingProvider accepting() {
        return new RecordingProvider(q -> TicketVerdict.accept("`" + q.ticket() + "` is open", "a title"));
    }

    static RecordingProvider rejecting() {
        return new RecordingProvider(q -> TicketVerdict.reject("`" + q.ticket() + "` is closed", "a title"));
    }

    /** From now on, answer with {@code next}. */
    void answerWith(Function<TicketQuery, TicketVerdict> next) {
        this.answer = next;
    }

    List<TicketQuery> asked() {
        return List.copyOf(asked);
    }

    @Override
    public TicketVerdict check(TicketQuery query) {
        asked.add(query);
        return answer.apply(query);
    }
}
