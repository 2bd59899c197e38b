package org.rectify.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.rectify.common.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records an upload once however often it is sent. A page's upload form carries a key of its own (js/rectify.js
 * makes one); a phone whose connection dropped before the answer came sends the same form again. The action runs
 * in one transaction with the key's receipt ({@code upload_receipt}): when it is refused, the receipt goes with
 * it and a retry runs it again; when it was recorded, the retry finds the receipt and records nothing. Two
 * requests with one key at once: the second waits for the first's receipt and then finds it.
 */
@Component
public class UploadReceipts {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UploadReceipts(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs the action, once for this user and key: false when an upload with this key was recorded already (and
     * nothing is done). Without a key (a page without scripts) the action simply runs.
     */
    public boolean once(String username, String key, Runnable action) {
        if (key == null || key.isBlank()) {
            action.run();
            return true;
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(
                    "uploadKey", "rule.upload.key", "an upload key is 8 to 64 letters, digits or dashes");
        }
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update(
                        "insert into upload_receipt (username, upload_key, received_at) values (?, ?, ?)",
                        username,
                        key,
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                action.run();
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
