package org.bianmin.inquiries;

import java.time.Instant;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.staff.HallTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/inquiries}: the first-inquiry register; the caller is the first person asked. */
@RestController
@RequestMapping("/api/inquiries")
class InquiryController {


    private final InquiryService inquiries;

    InquiryController(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @PostMapping
    ResponseEntity<InquiryService.InquiryView> register(@RequestBody InquiryService.InquiryRequest request, CurrentUser user) {
        user.require(Action.INQUIRY_REGISTER);
        return ResponseEntity.status(HttpStatus.CREATED).body(inquiries.register(request, user.id()));
    }

    @GetMapping
    List<InquiryService.InquiryView> list(@RequestParam(required = false) String firstPerson,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to, CurrentUser user) {
        user.require(Action.INQUIRY_READ);
        Instant start = from == null ? Instant.EPOCH : HallTime.parse("from", from);
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : HallTime.parse("to", to);
        return inquiries.list(firstPerson, start, end);
    }
}
