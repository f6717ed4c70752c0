// Makes every file of the site's plan on a pool of threads, handing each to the sink.
#include "render/render_site.hpp"

#include <atomic>
#include <mutex>
#include <optional>
#include <set>

#include "core/parallel.hpp"
#include "render/site_plan.hpp"

namespace hindsight {
namespace {

// Each file goes to the sink from the thread that made it. Template errors are reported once per
// template, in job order, so that the diagnostics are the same whatever the number of threads.
// The files are handed out first: the exports are the largest single items, and made by one
// thread after the pages they left the others idle.
void render_plan(const Theme& theme, const SitePlan& plan, unsigned threads, FileSink& sink,
                 RenderResult& result) {
    const auto partials = partials_of(theme);
    const auto& files = plan.files;
    const auto& jobs = plan.pages;
    std::vector<std::optional<Diagnostic>> problems(jobs.size());
    std::mutex sink_error_mutex;
    const auto keep_error = [&](std::string error) {
        if (!error.empty()) {
            const std::lock_guard lock(sink_error_mutex);
            if (result.sink_error.empty()) {
                result.sink_error = std::move(error);
            }
        }
    };
    std::atomic<int> pages{0};
    const Digest theme_key = theme_digest(theme);
    run_on_threads(files.size() + jobs.size(), threads, [&](IndexQueue& queue) {
        TemplateCache templates(partials);
        for (std::size_t n = 0; queue.next(n);) {
            if (n < files.size()) {
                keep_error(sink.add(OutputFile{files[n].path, files[n].make()}));
                continue;
            }
            const std::size_t i = n - files.size();
            PageOutput output = make_page(theme, theme_key, templates, jobs[i], &sink);
            if (output.kept) {
                ++pages;
                continue;
            }
            if (!output.file) {
                problems[i] = std::move(output.problem);
                continue;
            }
            ++pages;
            keep_error(sink.add(*output.file, output.key));
        }
    });
    result.pages = pages;
    std::set<std::string> reported;
    for (auto& problem : problems) {
        if (problem && reported.insert(problem->location.path).second) {
            result.diagnostics.push_back(std::move(*problem));
        }
    }
}

}  // namespace

RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads) {
    MemorySink sink;
    RenderResult result = render_site(archive, config, theme, threads, sink);
    result.files = sink.take();
    return result;
}

RenderResult render_site(const Archive& archive, const SiteConfig& config, const Theme& theme,
                         unsigned threads, FileSink& sink) {
    const SitePlan plan = plan_site(archive, config, theme);
    RenderResult result;
    render_plan(theme, plan, threads, sink, result);
    return result;
}

}  // namespace hindsight
