package org.rectify.org;

import java.util.Locale;

/** What sign-in failures are counted against: an account name as typed (real or not), or a source address. */
public record SignInSubject(Kind kind, String value) {

    public enum Kind {
        ACCOUNT,
        ADDRESS
    }

    public SignInSubject {
        value = value == null ? "" : value.strip();
        if (kind == Kind.ACCOUNT) {
            value = value.toLowerCase(Locale.ROOT);
        }
        if (value.length() > 180) {
            value = value.substring(0, 180);
        }
    }

    static SignInSubject account(String name) {
        return new SignInSubject(Kind.ACCOUNT, name);
    }

    static SignInSubject address(String address) {
        return new SignInSubject(Kind.ADDRESS, address);
    }

    /** The row's key in sign_in_throttle. */
    String key() {
        return kind + ":" + value;
    }

    static SignInSubject ofKey(String key) {
        int colon = key.indexOf(':');
        return new SignInSubject(Kind.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }
}
