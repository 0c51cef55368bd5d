package io.trailwatch.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.Cookie;
import org.junit.jupiter.api.Test;

class UiContextFactoryTest {

    @Test
    void navMarksTheCurrentSection() {
        assertThat(UiContextFactory.isCurrent("/", "/")).isTrue();
        assertThat(UiContextFactory.isCurrent("/", "/findings")).isFalse();
        assertThat(UiContextFactory.isCurrent("/findings", "/findings/f-1")).isTrue();
        assertThat(UiContextFactory.isCurrent("/events", "/eventsx")).isFalse();
    }

    @Test
    void themeIsDarkUnlessTheCookieSaysLight() {
        assertThat(UiContextFactory.theme(null)).isEqualTo("dark");
        assertThat(UiContextFactory.theme(Cookie.cookie("tw-theme", "light"))).isEqualTo("light");
        assertThat(UiContextFactory.theme(Cookie.cookie("tw-theme", "<script>"))).isEqualTo("dark");
    }
}
