package org.bianmin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.bianmin.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In a real browser: the catalogue's 联办部门 are shown and chosen by department name, stored as
 * their codes; a row inserted and removed in the grid leaves the tables in place.
 */
class CatalogueGridBrowserTest extends RuleTestSupport {

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
}
