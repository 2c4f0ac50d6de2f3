package org.bianmin.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser, as a clerk: from Tasklist's header to 首问、投诉与预约登记; an inquiry, a complaint
 * and an appointment registered through their forms, a wrong phone shown as it is typed and the
 * server's refusal of a Saturday booking beside its field, nothing typed lost.
 */
class RegistrationBrowserTest extends PostgresIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    @BeforeEach
    void wednesdayMorning() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-12-02T10:00:00+08:00").toInstant()));
    }

    @AfterEach
    void resetClock() {
        runtime.createProcessInstanceQuery().processDefinitionKey("complaint-handling").list().forEach(i -> endInstance(i.getId()));
        runtime.createProcessInstanceQuery().processDefinitionKey("appointment").list().forEach(i -> endInstance(i.getId()));
        ClockUtil.reset();
    }

    @Test
    void aClerkRegistersAnInquiryAComplaintAndAnAppointmentThroughTheirForms() {
        try (Browser browser = Browser.open(port, "Asia/Shanghai")) {
            browser.check("registration", () -> {
                browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
                browser.waitVisible(By.cssSelector("[cam-tasks]"));
                browser.click(By.partialLinkText("登记咨询投诉预约"));
                browser.waitVisible(By.id("registration"));
                assertThat(browser.waitVisible(By.id("tabs")).getText()).contains("首问登记", "投诉登记", "预约登记");

                // 首问登记: the time of the inquiry left empty is now
                WebElement inquiry = browser.waitVisible(By.cssSelector("form[data-form=inquiry]"));
                inquiry.findElement(By.name("name")).sendKeys("李四");
                inquiry.findElement(By.name("matter")).sendKeys("咨询最低生活保障的申请条件");
                inquiry.findElement(By.name("answer")).sendKeys("已当场告知申请条件和材料清单");
                inquiry.findElement(By.cssSelector("button[type=submit]")).click();
                assertThat(browser.waitVisible(By.id("done")).getText()).startsWith("已登记首问 第");
                assertThat(jdbc.queryForObject("select count(*) from inquiry where name = '李四' and first_person = 'clerk' "
                        + "and asked_at = timestamp with time zone '2026-12-02 10:00:00+08'", Integer.class))
                        .isEqualTo(1);
                browser.screenshot("registration-1-inquiry");

                // 投诉登记: a phone with letters is shown wrong as it is typed
                browser.click(By.cssSelector("#tabs button[data-form=complaint]"));
                WebElement complaint = browser.waitVisible(By.cssSelector("form[data-form=complaint]"));
                WebElement phone = complaint.findElement(By.name("complainant.phone"));
                phone.sendKeys("13800abc");
                assertThat(browser.waitVisible(By.cssSelector("form[data-form=complaint] .field-error")).getText())
                        .isEqualTo("电话号码只能填写数字和短横线(-)");
                phone.clear();
                phone.sendKeys("13800001111");
                assertThat(browser.isPresent(By.cssSelector("form[data-form=complaint] .field-error"))).isFalse();
                complaint.findElement(By.name("complainant.name")).sendKeys("王五");
                new Select(complaint.findElement(By.name("aboutWindow"))).selectByVisibleText("民政窗口");
                complaint.findElement(By.name("matter")).sendKeys("窗口工作人员答复不耐心");
                complaint.findElement(By.cssSelector("button[type=submit]")).click();
                assertThat(browser.waitVisible(By.id("done")).getText()).startsWith("已登记投诉 第").contains("答复期限 2026年12月9日");
                Long complaintId = jdbc.queryForObject("select max(id) from complaint", Long.class);
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("complaint-" + complaintId).count()).isEqualTo(1);
                browser.screenshot("registration-2-complaint");

                // 预约登记: a Saturday morning is refused beside 预约时间, everything typed stays; Monday is booked
                browser.click(By.cssSelector("#tabs button[data-form=appointment]"));
                WebElement appointment = browser.waitVisible(By.cssSelector("form[data-form=appointment]"));
                appointment.findElement(By.name("applicantName")).sendKeys("赵六");
                appointment.findElement(By.name("phone")).sendKeys("13900002222");
                new Select(appointment.findElement(By.name("window"))).selectByVisibleText("民政窗口");
                WebElement at = appointment.findElement(By.name("at"));
                browser.driver().executeScript("arguments[0].value = '2026-12-05T10:00'", at);
                appointment.findElement(By.name("matter")).sendKeys("办理临时救助");
                appointment.findElement(By.cssSelector("button[type=submit]")).click();
                WebElement refusal = browser.waitVisible(By.cssSelector("form[data-form=appointment] .field-error"));
                assertThat(refusal.getText()).contains("预约时间不在该窗口的办公时间内", "请勾选「紧急」").doesNotContainPattern("[A-Za-z]");
                assertThat(refusal.findElement(By.xpath("..")).getText()).contains("预约时间");
                assertThat(appointment.findElement(By.name("applicantName")).getDomProperty("value")).isEqualTo("赵六");
                browser.screenshot("registration-3-appointment-refused");
                browser.driver().executeScript("arguments[0].value = '2026-12-07T10:00'", at);
                appointment.findElement(By.cssSelector("button[type=submit]")).click();
                assertThat(browser.waitVisible(By.id("done")).getText()).startsWith("已登记预约 第").contains("2026年12月7日 10:00", "民政窗口");
            });
        }
    }
}
