package io.trailwatch.localstack.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every page, signed in as admin (who sees every control), on a 1366x768 laptop and a 3840x2160 wall screen: the
 * page never scrolls sideways (wide tables scroll inside their own frame), text grows with the screen, and the
 * dashboard keeps five panels a row at both sizes.
 */
class LayoutBrowserIT {

    @BeforeAll
    static void platform() {
        Browser.assumeAvailable();
        UiStack.get();
    }

    @BeforeEach
    void signedInAsAdmin() {
        Browser.signIn("admin");
    }

    @AfterEach
    void laptopSize() {
        Browser.resetSize();
    }

    @Test
    void noPageScrollsSidewaysOnALaptopOrAWallScreen() {
        for (int[] size : new int[][] {{1366, 768}, {3840, 2160}}) {
            Browser.resize(size[0], size[1]);
            for (String page : PagesFixture.signedInPages()) {
                Browser.open(page);
                Number overflow = (Number) Browser.driver().executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("%s at %dx%d scrolls sideways by (px)", page, size[0], size[1])
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void textGrowsOnAWallScreenAndTheDashboardKeepsFivePanelsARow() {
        double laptop = rootFontSize(1366, 768);
        int laptopColumns = panelsInFirstRow();
        double wall = rootFontSize(3840, 2160);
        int wallColumns = panelsInFirstRow();
        assertThat(wall).as("root font size on a wall screen vs a laptop").isGreaterThanOrEqualTo(laptop * 1.4);
        assertThat(laptopColumns).isEqualTo(5);
        assertThat(wallColumns).isEqualTo(5);
    }

    private static double rootFontSize(int width, int height) {
        Browser.resize(width, height);
        Browser.open("/?range=24h");
        Browser.waitFor(By.cssSelector("body[data-dashboard-ready='true']"));
        return Double.parseDouble(((String) Browser.driver().executeScript(
                "return getComputedStyle(document.documentElement).fontSize;")).replace("px", ""));
    }

    /** How many panels of the first section share the first panel's row. */
    private static int panelsInFirstRow() {
        return ((Number) Browser.driver().executeScript("""
                const panels = [...document.querySelectorAll('#section-access .panel')];
                const top = panels[0].getBoundingClientRect().top;
                return panels.filter(p => Math.abs(p.getBoundingClientRect().top - top) < 2).length;""")).intValue();
    }
}
