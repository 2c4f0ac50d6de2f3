package org.bianmin.rules;

import org.bianmin.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Finding rows, columns and cells of the rules page's grid, as a person reads them. */
final class RuleGrid {

    private RuleGrid() {
    }

    /** The CSV line (1-based) of the grid row whose first cell holds the value. */
    static int rowWithCell(Browser browser, String value) {
        for (WebElement row : browser.driver().findElements(By.cssSelector("#grid tr[data-row]"))) {
            WebElement first = row.findElement(By.cssSelector("td[data-col] input, td[data-col] select"));
            if (value.equals(first.getDomProperty("value"))) {
                return Integer.parseInt(row.getDomAttribute("data-row"));
            }
        }
        throw new AssertionError("no grid row starts with " + value);
    }

    /** The CSV column (1-based) the grid heads with the label. */
    static int columnOf(Browser browser, String label) {
        for (WebElement th : browser.driver().findElements(By.cssSelector("#grid tr.header th[data-col]"))) {
            if (label.equals(th.getText().strip())) {
                return Integer.parseInt(th.getDomAttribute("data-col"));
            }
        }
        throw new AssertionError("no column " + label);
    }

    /** The text input of a cell. */
    static WebElement cell(Browser browser, int row, int column) {
        return td(browser, row, column).findElement(By.cssSelector("input"));
    }

    static WebElement td(Browser browser, int row, int column) {
        return browser.waitVisible(By.cssSelector("#grid tr[data-row='" + row + "'] td[data-col='" + column + "']"));
    }
}
