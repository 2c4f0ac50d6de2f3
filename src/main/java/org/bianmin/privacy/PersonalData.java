package org.bianmin.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Checks and masks personal data: resident ID numbers (GB 11643-1999, 18 characters with an
 * ISO 7064 MOD 11-2 check character) and phone numbers. Lists, logs and notices show only masks.
 */
public final class PersonalData {

    private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    /** An ID number or a phone inside free text (a log line, a note, an engine variable). */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])"
                    + "|(?<![0-9])(1[3-9]\\d{9})(?![0-9])"
                    + "|(?<![0-9])(0\\d{2,3}-\\d{7,8})(?![0-9])");

    private PersonalData() {
    }

    /** Upper-cases a trailing x; the stored form of an ID number. */
    public static String normalizeIdNumber(String idNumber) {
        return idNumber == null ? null : idNumber.strip().toUpperCase();
    }

    public static boolean isValidIdNumber(String idNumber) {
        String id = normalizeIdNumber(idNumber);
        if (id == null || !ID_SHAPE.matcher(id).matches()) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return id.charAt(17) == checkCharacter(id.substring(0, 17));
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static boolean isValidPhone(String phone) {
        if (phone == null) {
            return false;
        }
        String p = phone.strip();
        return MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches();
    }

    /** 110101********1234: region code and last four kept. */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    /**
     * Masks every ID number and phone number found in a text; the rest stays as it was. The last
     * line of defence for logs and engine history, where a person's data must never appear in clear.
     */
    public static String maskAll(String text) {
        if (text == null || text.length() < 11) {
            return text;
        }
        var matcher = IN_TEXT.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        do {
            String found = matcher.group();
            matcher.appendReplacement(masked, java.util.regex.Matcher.quoteReplacement(
                    matcher.group(1) != null ? maskIdNumber(found) : maskPhone(found)));
        } while (matcher.find());
        matcher.appendTail(masked);
        return masked.toString();
    }

    /** 138****5678. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
