package org.bianmin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 首问、投诉与预约登记 at {@code /registration/}: a static page whose forms post to the inquiry, complaint
 * and appointment APIs with the webapps' login (each API checks who may register).
 */
@Controller
class RegistrationPage {

    @GetMapping({"/registration", "/registration/"})
    String page() {
        return "forward:/registration/index.html";
    }
}
