package vn.city.meeting.document.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.city.meeting.document.DocumentNumber;
import vn.city.meeting.document.DocumentType;

/**
 * Hands out document numbers per issuer, type and year. The counter row is created or incremented by one statement
 * that holds its row lock until the caller's transaction ends: concurrent issues wait for each other and get
 * consecutive numbers, and a transaction that rolls back gives its number back, so the register has no gaps.
 */
@ApplicationScoped
public class DocumentRegister {

    private static final String NEXT = """
            insert into document_counter (issuer, doc_type, year, last_number) values (:issuer, :type, :year, 1)
            on conflict (issuer, doc_type, year) do update set last_number = document_counter.last_number + 1
            returning last_number""";

    /** The next number; call it inside the transaction that writes the document. */
    public Uni<DocumentNumber> next(String issuer, DocumentType type, int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery(NEXT, Integer.class)
                        .setParameter("issuer", issuer)
                        .setParameter("type", type.name())
                        .setParameter("year", year)
                        .getSingleResult())
                .map(n -> new DocumentNumber(n, type, issuer, year));
    }
}
