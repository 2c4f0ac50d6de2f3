package org.bianmin.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.bianmin.privacy.PersonalData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Engine history never holds an ID number or a phone in clear. Personal data lives in our tables;
 * a form still submits it to the engine for the one transaction in which the registration reads
 * it (and removes the runtime variable), and this handler masks what history would keep of it —
 * variable instances, their per-update details, submitted form fields and the operation log —
 * before the row is written. It also keeps such values out of the database driver's error messages.
 */
@Component
class PersonalDataHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new MaskingHistoryEventHandler());
    }

    static final class MaskingHistoryEventHandler extends DbHistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            mask(event);
            super.handleEvent(event);
        }

        /**
         * A variable's every value goes to {@code ACT_HI_DETAIL} only for the notes people write
         * (the case timeline reads them); for the rest {@code ACT_HI_VARINST} keeps the last value
         * and our case events keep what changed and why. History level FULL would write a detail row
         * for every value of every variable, also for each copy into a called instance: the
         * largest table of the engine, and a third of the rows a registration writes. Submitted
         * form fields stay in the history as they were (form-property details, not this path).
         */
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return TaskNotes.NOTE_VARIABLES.contains(event.getVariableName()) && super.shouldWriteHistoricDetail(event);
        }
    }

    static void mask(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            variable.setTextValue(PersonalData.maskAll(variable.getTextValue()));
            variable.setTextValue2(PersonalData.maskAll(variable.getTextValue2()));
            variable.setByteValue(maskText(variable.getByteValue()));
        } else if (event instanceof HistoricFormPropertyEventEntity formField) {
            if (formField.getPropertyValue() instanceof String value) {
                formField.setPropertyValue(PersonalData.maskAll(value));
            }
        } else if (event instanceof UserOperationLogEntryEventEntity operation) {
            operation.setOrgValue(PersonalData.maskAll(operation.getOrgValue()));
            operation.setNewValue(PersonalData.maskAll(operation.getNewValue()));
        }
    }

    /** Serialized values that are text (JSON lists of a form) are masked; binary ones stay as they are. */
    private static byte[] maskText(byte[] bytes) {
        if (bytes == null || bytes.length < 11) {
            return bytes;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return bytes;
        }
        String masked = PersonalData.maskAll(text);
        return masked.equals(text) ? bytes : masked.getBytes(StandardCharsets.UTF_8);
    }
}
