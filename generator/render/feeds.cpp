// Feed and sitemap writers. Times come from the postmortems, never from the clock.
#include "render/feeds.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/view_models.hpp"

namespace hindsight {
namespace {

// Atom ids must be stable and absolute: the page URL when the site has one, else a tag URI.
std::string entry_id(const std::string& base, const Postmortem& pm) {
    return base.empty() ? fmt::format("tag:hindsight,2024:{}", pm.slug) : base + postmortem_url(pm);
}

std::string updated(const Postmortem& pm) {
    if (pm.resolved) {
        return format_iso_utc(*pm.resolved);
    }
    if (pm.started) {
        return format_iso_utc(*pm.started);
    }
    return pm.date ? format_date(*pm.date) + "T00:00:00Z" : "1970-01-01T00:00:00Z";
}

}  // namespace

std::string atom_feed(const Archive& archive, const SiteConfig& config) {
    const std::string base = site_base_url(config);
    std::string newest = "1970-01-01T00:00:00Z";
    std::string entries;
    std::size_t count = 0;
    for (const auto index : archive.newest_first) {
        if (count++ == kFeedEntries) {
            break;
        }
        const Postmortem& pm = archive.postmortems[index];
        const std::string when = updated(pm);
        newest = std::max(newest, when);
        const std::string link = base + postmortem_url(pm);
        entries += fmt::format(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n"
            "    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            xml_escape(pm.title), xml_escape(entry_id(base, pm)), xml_escape(link), when,
            xml_escape(pm.summary.empty() ? pm.impact_summary : pm.summary));
    }
    const std::string self = base + "atom.xml";
    const std::string id = base.empty() ? "tag:hindsight,2024:archive" : base;
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        "  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n"
        "  <updated>{}</updated>\n  <author><name>{}</name></author>\n{}</feed>\n",
        xml_escape(config.title), xml_escape(id), xml_escape(self), newest,
        xml_escape(config.title), entries);
}

OutputFiles sitemaps(const OutputFiles& files, const SiteConfig& config, std::size_t max_urls) {
    OutputFiles out;
    const std::string base = site_base_url(config);
    if (base.empty()) {
        return out;
    }
    std::vector<std::string> urls;
    for (const auto& file : files) {
        if (file.path.size() >= 10 &&
            file.path.compare(file.path.size() - 10, 10, "index.html") == 0) {
            urls.push_back(base + file.path);
        }
    }
    const auto urlset = [&](std::size_t from, std::size_t to) {
        std::string xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
        for (std::size_t i = from; i < to; ++i) {
            xml += fmt::format("  <url><loc>{}</loc></url>\n", xml_escape(urls[i]));
        }
        return xml + "</urlset>\n";
    };
    max_urls = std::max<std::size_t>(max_urls, 1);
    if (urls.size() <= max_urls) {
        out.push_back({"sitemap.xml", urlset(0, urls.size())});
        return out;
    }
    // The protocol caps a sitemap at 50,000 URLs: past that, sitemap.xml is an index of parts.
    std::string index =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (std::size_t from = 0, part = 1; from < urls.size(); from += max_urls, ++part) {
        const std::string name = fmt::format("sitemap-{}.xml", part);
        out.push_back({name, urlset(from, std::min(urls.size(), from + max_urls))});
        index += fmt::format("  <sitemap><loc>{}</loc></sitemap>\n", xml_escape(base + name));
    }
    out.push_back({"sitemap.xml", index + "</sitemapindex>\n"});
    return out;
}

}  // namespace hindsight
