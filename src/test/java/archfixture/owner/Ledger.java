package archfixture.owner;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity for EntityTransitionsTest to prove its rule bites (outside org.rectify: never scanned by JPA). */
@Entity
public class Ledger {

    @Id
    private Long id;

    private boolean closed;

    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    public Long getId() {
        return id;
    }
}
