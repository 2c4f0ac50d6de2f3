package org.bianmin.complaints;

import jakarta.validation.Valid;

import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/complaints}: registration and the complaint with its handling. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {


    private final ComplaintService complaints;

    ComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Authorized(Action.COMPLAINT_REGISTER)
    @PostMapping
    ResponseEntity<ComplaintService.ComplaintView> register(@Valid @RequestBody ComplaintService.ComplaintRequest request, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(complaints.register(request, user));
    }

    @Authorized(Action.COMPLAINT_READ)
    @GetMapping("/{id}")
    ComplaintService.ComplaintView find(@PathVariable long id, CurrentUser user) {
        return complaints.find(id, user);
    }
}
