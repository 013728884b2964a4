package com.thrivecenter.clinic.inquiry;

import com.thrivecenter.clinic.inquiry.PatientCipher.SealedValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, before the site takes requests: seals inquiries and notes that an older version stored in plain text,
 * and refuses to start with a data keyset that cannot open what is stored (a lost or wrong keyset file), rather
 * than take new inquiries under a key that does not match the old ones.
 */
@Component
class PatientDataSealing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PatientDataSealing.class);

    private final SealedRows rows;
    private final PatientCipher cipher;
    private final PatientKeys keys;
    private final TransactionTemplate transaction;

    PatientDataSealing(SealedRows rows, PatientCipher cipher, PatientKeys keys, TransactionTemplate transaction) {
        this.rows = rows;
        this.cipher = cipher;
        this.keys = keys;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            rows.openAny(cipher);
        } catch (SealedValueException e) {
            throw new IllegalStateException(
                    "The data keyset from " + keys.data().description()
                            + " does not open the stored inquiries: restore the keyset they were sealed with",
                    e);
        }
        int sealed = transaction.execute(status -> rows.sealPlainRows(cipher));
        if (sealed > 0) {
            log.info("Sealed {} inquiries and notes that were stored in plain text", sealed);
        }
    }
}
