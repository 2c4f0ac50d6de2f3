package org.bianmin.inquiries;

import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of {@code inquiry-referral}: the referred window's answer goes into the register. */
@Configuration
class InquiryDelegates {

    @Bean("recordReferralAnswerDelegate")
    JavaDelegate recordReferralAnswer(InquiryService inquiries, ActingUser actor) {
        return execution -> {
            Object answer = execution.getVariable("referralAnswer");
            inquiries.recordReferralAnswer(((Number) execution.getVariable("inquiryId")).longValue(),
                    answer == null ? "" : answer.toString(), actor.current());
        };
    }
}
