package archfixture.other;

import archfixture.owner.Ledger;

/** Reads a ledger (allowed) and closes it (a transition of another package's entity: what the rule forbids). */
public class LedgerClerk {

    boolean reads(Ledger ledger) {
        return ledger.isClosed() && ledger.getId() != null;
    }

    void closes(Ledger ledger) {
        ledger.close();
    }
}
