package org.bianmin.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * A logged exception ({@code %wEx}) with every ID number and phone masked: a database driver's
 * message may list all the values of the row that failed (logback-spring.xml).
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.maskAll(super.convert(event));
    }
}
