package org.bianmin.cases;

import org.bianmin.privacy.PersonalData;

/** The person or company applying; only masks of the ID number and phone leave the service. */
public record Applicant(String name, String idNumber, String phone, String organization) {

    public String maskedIdNumber() {
        return PersonalData.maskIdNumber(idNumber);
    }

    public String maskedPhone() {
        return PersonalData.maskPhone(phone);
    }

    /** "王芳 (110101********1234)" for task lists and logs. */
    public String display() {
        return idNumber == null || idNumber.isEmpty() ? name : name + " (" + maskedIdNumber() + ")";
    }

    @Override
    public String toString() {
        return "Applicant[" + display() + "]";
    }
}
