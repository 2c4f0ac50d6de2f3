package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In a real browser: the catalogue's 联办部门 are shown and chosen by department name, stored as
 * their codes; a row inserted and removed in the grid leaves the tables in place; a window that
 * opens at weekends is entered in the calendar's 窗口办公时间 by choosing and ticking.
 */
class RuleGridBrowserTest extends RuleTestSupport {

    @Test
    void jointDepartmentsArePickedByNameAndStoredAsCodes() {
        try (Browser browser = Browser.open(port)) {
            browser.check("catalogue-joint-departments", () -> {
                browser.loginToCamunda("tasklist", RULEADMIN, DEMO_PASSWORD);
                browser.waitGone(Browser.CAMUNDA_USERNAME);
                browser.get("/rules/?set=catalogue");
                browser.waitVisible(By.id("detail"));
                int row = RuleGrid.rowWithCell(browser, "MZ-003");
                int column = RuleGrid.columnOf(browser, "联办部门");
                WebElement departments = RuleGrid.td(browser, row, column).findElement(By.cssSelector("details.multi"));
                WebElement chosen = departments.findElement(By.tagName("summary"));
                assertThat(chosen.getText()).isEqualTo("民政办、残疾人联合会");

                chosen.click();
                WebElement health = departments.findElement(By.cssSelector("input[value='dept-health']"));
                assertThat(health.findElement(By.xpath("..")).getText()).isEqualTo("卫生健康办");
                health.click();
                assertThat(chosen.getText()).isEqualTo("民政办、残疾人联合会、卫生健康办");
                browser.screenshot("catalogue-1-joint-departments");

                // a row inserted below MZ-003 and removed again: the rows below keep their lines
                int next = RuleGrid.rowWithCell(browser, "RS-001");
                browser.driver().findElement(By.cssSelector("#grid tr[data-row='" + row + "'] td.rownum")).click();
                browser.click(By.id("add-row"));
                assertThat(RuleGrid.rowWithCell(browser, "RS-001")).isEqualTo(next + 1);
                browser.click(By.id("delete-row"));
                assertThat(RuleGrid.rowWithCell(browser, "RS-001")).isEqualTo(next);

                browser.click(By.id("save"));
                assertThat(browser.waitVisible(By.id("set-status")).getText()).contains("草稿");
                String items = texts(repository.inState("catalogue", RuleSetVersion.State.DRAFT).orElseThrow().files()).get("items.csv");
                assertThat(items.lines().filter(l -> l.startsWith("MZ-003,"))).singleElement().asString()
                        .contains(",dept-civil;dept-disabled;dept-health,");
                assertThat(items.lines().toList()).hasSameSizeAs(publishedFiles("catalogue").get("items.csv").lines().toList());
            });
        }
    }

    @Test
    void aWeekendWindowIsEnteredInTheOfficeHoursTableByChoosingAndTicking() {
        try (Browser browser = Browser.open(port)) {
            browser.check("calendar-office-hours", () -> {
                browser.loginToCamunda("tasklist", RULEADMIN, DEMO_PASSWORD);
                browser.waitGone(Browser.CAMUNDA_USERNAME);
                browser.get("/rules/?set=calendar");
                browser.waitVisible(By.id("detail"));
                browser.driver().findElements(By.cssSelector("#files button")).stream().filter(b -> b.getText().equals("窗口办公时间"))
                        .findFirst().orElseThrow(() -> new AssertionError("no 窗口办公时间 tab")).click();
                assertThat(browser.waitVisible(By.cssSelector("#grid tr.header")).getText())
                        .contains("窗口", "办公日", "办公时间", "法定节假日照常办公", "依据");
                browser.click(By.id("add-row"));
                WebElement row = browser.waitVisible(By.cssSelector("#grid tr[data-row]"));
                int line = Integer.parseInt(row.getDomAttribute("data-row"));
                new org.openqa.selenium.support.ui.Select(RuleGrid.td(browser, line, 1).findElement(By.tagName("select")))
                        .selectByVisibleText("综合受理窗口");
                WebElement days = RuleGrid.td(browser, line, 2).findElement(By.cssSelector("details.multi"));
                days.findElement(By.tagName("summary")).click();
                for (WebElement day : days.findElements(By.cssSelector("input[type=checkbox]"))) {
                    day.click();
                }
                assertThat(days.findElement(By.tagName("summary")).getText()).isEqualTo("周一、周二、周三、周四、周五、周六、周日");
                RuleGrid.cell(browser, line, 3).sendKeys("09:00-12:00,13:00-17:00");
                new org.openqa.selenium.support.ui.Select(RuleGrid.td(browser, line, 4).findElement(By.tagName("select")))
                        .selectByVisibleText("否");
                RuleGrid.cell(browser, line, 5).sendKeys("综合窗口周末不打烊(浏览器测试)");
                browser.click(By.id("validate"));
                assertThat(browser.waitVisible(By.cssSelector("#messages .ok")).getText()).contains("校验通过");
                browser.screenshot("calendar-1-weekend-window");
                browser.click(By.id("save"));
                assertThat(browser.waitVisible(By.id("set-status")).getText()).contains("草稿");
                assertThat(texts(repository.inState("calendar", RuleSetVersion.State.DRAFT).orElseThrow().files()).get("office-hours.csv"))
                        .contains("window-general,MONDAY;TUESDAY;WEDNESDAY;THURSDAY;FRIDAY;SATURDAY;SUNDAY,\"09:00-12:00,13:00-17:00\","
                                + "false,综合窗口周末不打烊(浏览器测试)");
            });
        }
    }
}
