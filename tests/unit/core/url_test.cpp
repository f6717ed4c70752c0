// Tests for core/url: the scheme allowlist every author-written address goes through.
#include <catch2/catch.hpp>

#include <string>

#include "core/url.hpp"

using namespace hindsight;

TEST_CASE("http, https, mailto and relative addresses are allowed", "[url]") {
    CHECK(is_safe_url("https://tracker.example/PLAT-123"));
    CHECK(is_safe_url("http://example.com"));
    CHECK(is_safe_url("HTTPS://EXAMPLE.COM/A"));
    CHECK(is_safe_url("mailto:sre@example.com"));
    CHECK(is_safe_url("../runbooks/db.html#failover"));
    CHECK(is_safe_url("/incidents/42"));
    CHECK(is_safe_url("//cdn.example/x.png", UrlUse::image));
    CHECK(is_safe_url("runbook.html"));
    CHECK(is_safe_url("?q=a:b&c=d"));
    CHECK(is_safe_url("#step:2"));
    CHECK(is_safe_url("docs/a:b"));
    CHECK(is_safe_url("  https://example.com  "));
    CHECK(is_safe_url("https://example.com/?a=1&b=2"));
    CHECK(is_safe_url(""));
}

TEST_CASE("mailto is for links, never for images", "[url]") {
    CHECK(is_safe_url("mailto:a@example.com", UrlUse::link));
    CHECK_FALSE(is_safe_url("mailto:a@example.com", UrlUse::image));
}

TEST_CASE("script and data schemes are refused however they are spelled", "[url]") {
    CHECK_FALSE(is_safe_url("javascript:alert(1)"));
    CHECK_FALSE(is_safe_url("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(is_safe_url("vbscript:msgbox(1)"));
    CHECK_FALSE(is_safe_url("VBScript:msgbox(1)"));
    CHECK_FALSE(is_safe_url("data:text/html,<script>alert(1)</script>"));
    CHECK_FALSE(is_safe_url("data:image/png;base64,iVBORw0KGgo=", UrlUse::image));
    CHECK_FALSE(is_safe_url("data:image/svg+xml,<svg onload=alert(1)>", UrlUse::image));
    CHECK_FALSE(is_safe_url("file:///etc/passwd"));
    CHECK_FALSE(is_safe_url("ftp://example.com/x"));  // an allowlist: unknown schemes too
}

TEST_CASE("whitespace and controls a browser ignores do not hide a scheme", "[url]") {
    CHECK_FALSE(is_safe_url(" javascript:alert(1)"));
    CHECK_FALSE(is_safe_url("\n\tjavascript:alert(1)"));
    CHECK_FALSE(is_safe_url(std::string("\x01\x02javascript:alert(1)")));
    CHECK_FALSE(is_safe_url(std::string("\0javascript:alert(1)", 20)));
    CHECK_FALSE(is_safe_url("java\tscript:alert(1)"));
    CHECK_FALSE(is_safe_url("java\nscript:alert(1)"));
    CHECK_FALSE(is_safe_url("java\rscript:alert(1)"));
    CHECK_FALSE(is_safe_url("javascript\t:alert(1)"));
    CHECK_FALSE(is_safe_url("\xC2\xA0javascript:alert(1)"));  // NBSP: not a scheme, not trusted
    CHECK_FALSE(is_safe_url("java script:alert(1)"));
}

TEST_CASE("character references where the scheme would be are refused", "[url]") {
    CHECK_FALSE(is_safe_url("&#106;avascript:alert(1)"));
    CHECK_FALSE(is_safe_url("&#x6A;avascript:alert(1)"));
    CHECK_FALSE(is_safe_url("javascript&#58;alert(1)"));
    CHECK_FALSE(is_safe_url("javascript&#x3A;alert(1)"));
    CHECK_FALSE(is_safe_url("javascript&colon;alert(1)"));
    CHECK_FALSE(is_safe_url("java&Tab;script:alert(1)"));
    CHECK_FALSE(is_safe_url("&NewLine;javascript:alert(1)"));
}

TEST_CASE("percent-encoding leaves no scheme: the address is a relative path", "[url]") {
    // Browsers do not decode %XX before reading the scheme, so these are paths on the site.
    CHECK(is_safe_url("javascript%3Aalert(1)"));
    CHECK(is_safe_url("%6Aavascript:alert(1)") == false);  // the ':' still ends a scheme
}
