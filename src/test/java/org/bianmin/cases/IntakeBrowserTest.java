package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bianmin.support.Browser;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A clerk registers a supplement case through the Tasklist intake form and prints its supplement notice. */
class IntakeBrowserTest extends PostgresIntegrationTest {

    @Test
    void clerkRegistersASupplementCaseAndSeesTheNoticeListTheMissingMaterials() {
        try (Browser browser = Browser.open(port)) {
            browser.check("intake-supplement", () -> {
                openIntakeForm(browser, "赵小满", "110105199003071239");
                // the checklist of the chosen item appears; tick only the two main materials
                browser.waitVisible(By.xpath("//label[contains(., '食品经营许可申请书')]/input")).click();
                browser.driver().findElement(By.xpath("//label[contains(., '营业执照')]/input")).click();
                browser.screenshot("intake-form-filled");
                browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();

                browser.waitVisible(By.xpath("//*[contains(@class,'notifications')]//*[contains(., '出具告知单')]//a")).click();
                WebElement form = browser.waitVisible(By.xpath("//strong[contains(., '需补报的材料')]/ancestor::form"));
                String summary = form.getText();
                assertThat(summary).contains("补充件", "经营场所平面图及设备布局图", "食品安全管理制度文本", "110105********1239");
                assertThat(summary).doesNotContain("110105199003071239");
                String caseNumber = summary.replaceAll("(?s).*案件编号\\s*:\\s*(BM\\d{8}-\\d{4}).*", "$1");
                assertThat(caseNumber).matches("BM\\d{8}-\\d{4}");
                browser.screenshot("intake-result");

                browser.waitVisible(By.partialLinkText("补报材料通知单")).click();
                List<String> listed = browser.waitVisible(By.id("materials")).findElements(By.tagName("li"))
                        .stream().map(WebElement::getText).toList();
                assertThat(listed).containsExactly("经营场所平面图及设备布局图", "食品安全管理制度文本");
                assertThat(browser.driver().findElement(By.id("case-number")).getText()).isEqualTo(caseNumber);
                assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("补报材料通知单");
                browser.screenshot("supplement-notice");
            });
        }
    }

    /** 容缺受理: offered for SJ-002 (marked in the catalogue), the promise notice printed from the result. */
    @Test
    void clerkAcceptsOnThePromiseOfTheApplicantAndPrintsThePromiseNotice() {
        try (Browser browser = Browser.open(port)) {
            browser.check("intake-promise", () -> {
                openIntakeForm(browser, "孙承诺", "110105199003071239");
                browser.waitVisible(By.xpath("//label[contains(., '食品经营许可申请书')]/input")).click();
                browser.driver().findElement(By.xpath("//label[contains(., '营业执照')]/input")).click();
                WebElement promise = browser.waitVisible(By.xpath("//label[contains(., '容缺受理')]/input"));
                promise.click();
                browser.screenshot("intake-promise-filled");
                browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();

                browser.waitVisible(By.xpath("//*[contains(@class,'notifications')]//*[contains(., '出具告知单')]//a")).click();
                WebElement form = browser.waitVisible(By.xpath("//strong[contains(., '补正期限')]/ancestor::form"));
                assertThat(form.getText()).contains("受理件", "办理中", "补正期限", "逾期未补正的终止办理", "容缺受理通知书");
                browser.screenshot("intake-promise-result");
                browser.waitVisible(By.partialLinkText("容缺受理通知书")).click();
                assertThat(browser.waitVisible(By.tagName("h1")).getText()).contains("容缺受理通知书");
                assertThat(browser.driver().findElement(By.id("materials")).findElements(By.tagName("li")).stream()
                        .map(WebElement::getText).toList()).containsExactly("经营场所平面图及设备布局图", "食品安全管理制度文本");
                assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("申请人(签字)");
                browser.screenshot("promise-notice");
            });
        }
    }

    /** A refusal of the registration reaches the clerk in Chinese (a 400, not an internal error) and registers nothing. */
    @Test
    void aWrongIdNumberIsRefusedInChineseAndRegistersNothing(@org.springframework.beans.factory.annotation.Autowired
                                                             org.springframework.jdbc.core.JdbcTemplate jdbc) {
        long cases = jdbc.queryForObject("select count(*) from case_record", Long.class);
        try (Browser browser = Browser.open(port)) {
            browser.check("intake-wrong-id", () -> {
                // the shape is right, the GB 11643 check character is not
                openIntakeForm(browser, "钱错号", "110105199003071238");
                // checked as the clerk types, beside the field
                By besideId = By.xpath("//input[contains(@id,'-applicantIdNumber')]/ancestor::*[contains(@class,'fjs-form-field')]"
                        + "//*[contains(@class,'bianmin-field-error')]");
                By refusedBeside = By.xpath("//input[contains(@id,'-applicantIdNumber')]/ancestor::*[contains(@class,'fjs-form-field')]"
                        + "//*[contains(@class,'bianmin-field-error') and @data-kind='server']");
                assertThat(browser.waitVisible(besideId).getText()).contains("校验码不符");
                browser.screenshot("intake-wrong-id-typing");
                browser.waitVisible(By.xpath("//label[contains(., '食品经营许可申请书')]/input")).click();
                browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
                WebElement error = browser.waitVisible(By.xpath("//*[contains(@class,'modal')]//*[contains(@class,'notifications')]"
                        + "//*[contains(text(), '身份证号码无效')]"));
                browser.screenshot("intake-wrong-id");
                assertThat(error.getText()).contains("GB 11643").doesNotContain("Internal Server Error")
                        .doesNotContain("Cannot instantiate").doesNotContain("not a valid");
                // the server's refusal beside the field it names, and nothing the clerk typed is lost
                assertThat(browser.waitVisible(refusedBeside).getText()).contains("身份证号码无效");
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-applicantName']")).getAttribute("value"))
                        .isEqualTo("钱错号");
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-applicantIdNumber']")).getAttribute("value"))
                        .isEqualTo("110105199003071238");
                // correcting the number clears both messages
                WebElement idField = browser.driver().findElement(By.cssSelector("input[id$='-applicantIdNumber']"));
                idField.sendKeys(org.openqa.selenium.Keys.BACK_SPACE, "9");
                browser.waitGone(besideId);
            });
        }
        assertThat(jdbc.queryForObject("select count(*) from case_record", Long.class)).isEqualTo(cases);
    }

    /** As the clerk: Tasklist's 发起流程 → 受理登记, item SJ-002, the applicant's name, ID number and phone. */
    private static void openIntakeForm(Browser browser, String name, String idNumber) {
        browser.loginToCamunda("tasklist", "clerk", DEMO_PASSWORD);
        browser.waitVisible(By.cssSelector("[cam-tasks]"));
        browser.waitVisible(By.cssSelector("li.start-process-action a")).click();
        browser.waitVisible(By.partialLinkText("受理登记")).click();
        WebElement item = browser.waitVisible(By.cssSelector("input[id$='-itemCode']"));
        item.click();
        item.sendKeys("SJ-002");
        browser.waitVisible(By.cssSelector(".fjs-dropdownlist-item")).click();
        browser.driver().findElement(By.cssSelector("input[id$='-applicantName']")).sendKeys(name);
        browser.driver().findElement(By.cssSelector("input[id$='-applicantIdNumber']")).sendKeys(idNumber);
        browser.driver().findElement(By.cssSelector("input[id$='-applicantPhone']")).sendKeys("13800138000");
    }
}
