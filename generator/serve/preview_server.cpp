// Routes: /__hindsight/live.js, /__hindsight/events (server-sent events), /__hindsight/status
// (JSON, for tests and tools), and every other path from the site's source.
#include "serve/preview_server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "serve/embedded_client.hpp"
#include "serve/page_injection.hpp"

namespace fs = std::filesystem;

namespace hindsight {
namespace {

// How long a request waits for a rebuild before it is answered 503.
constexpr std::chrono::seconds kRebuildWait{60};
// How often an idle event stream sends a comment, which finds connections the browser closed.
constexpr std::chrono::seconds kKeepAlive{10};
// Threads answering requests: each open page holds one for its event stream.
constexpr std::size_t kThreads = 32;

const std::map<std::string, std::string>& content_types() {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".xml", "application/xml"},
        {".svg", "image/svg+xml"},
        {".csv", "text/csv; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".webmanifest", "application/manifest+json"},
    };
    return types;
}

std::string content_type(const fs::path& path) {
    const auto it = content_types().find(path.extension().string());
    return it == content_types().end() ? "application/octet-stream" : it->second;
}

// Sets the body uncompressed. httplib compresses a body set with set_content when the browser
// accepts brotli, at brotli's slowest level: 0.3 to 1 s for one page of a large archive, on
// loopback, where compression saves nothing. A body given by a content provider of known size
// is sent as it is.
void set_body(httplib::Response& response, std::string bytes, const std::string& type) {
    if (bytes.empty()) {
        response.set_content(std::string(), type);  // nothing to compress
        return;
    }
    auto body = std::make_shared<const std::string>(std::move(bytes));
    const std::size_t size = body->size();
    response.set_content_provider(
        size, type, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            return sink.write(body->data() + offset, length);
        });
}

// A URL path as a path of the site, '/'-separated, without its leading '/' ("" for the root);
// anything that would leave the site ("..", a NUL) maps to nothing.
std::optional<std::string> site_path(const std::string& url_path) {
    if (url_path.empty() || url_path[0] != '/' || url_path.find('\0') != std::string::npos) {
        return std::nullopt;
    }
    std::string relative;
    std::istringstream segments(url_path.substr(1));
    std::string segment;
    while (std::getline(segments, segment, '/')) {
        if (segment == "..") {
            return std::nullopt;
        }
        if (!segment.empty() && segment != ".") {
            relative += relative.empty() ? segment : "/" + segment;
        }
    }
    return relative;
}

std::string index_of(const std::string& folder) {
    return folder.empty() ? "index.html" : folder + "/index.html";
}

}  // namespace

struct PreviewServer::Impl {
    ServerOptions options;
    PreviewState& state;
    httplib::Server server;
    int port = 0;
    std::atomic<std::uint64_t> last_page_epoch{0};
    std::function<void(std::uint64_t)>* on_page = nullptr;

    Impl(ServerOptions o, PreviewState& s) : options(std::move(o)), state(s) {}

    std::string page(std::string_view html, const PreviewSnapshot& snapshot) {
        return inject_preview(html, snapshot.epoch, options.site->assets_version(),
                              problems_overlay(snapshot.problems, snapshot.build_failed));
    }

    void serve_site(const httplib::Request& request, httplib::Response& response) {
        auto reading = state.read_site(kRebuildWait);
        if (!reading) {
            response.status = 503;
            response.set_content("the site is still being rebuilt\n", "text/plain");
            return;
        }
        const PreviewSnapshot snapshot = state.snapshot();
        response.set_header("Cache-Control", "no-store");
        SiteSource& site = *options.site;
        if (const auto path = site_path(request.path)) {
            if (path->empty() || request.path.back() == '/') {
                if (auto bytes = site.file(index_of(*path))) {
                    return send(index_of(*path), std::move(*bytes), snapshot, response);
                }
            } else if (auto bytes = site.file(*path)) {
                return send(*path, std::move(*bytes), snapshot, response);
            } else if (site.file(index_of(*path))) {
                // A folder: as a static host does, so that the page's relative links resolve
                // from the folder.
                response.set_redirect(request.path + "/", 301);
                return;
            }
        }
        response.status = 404;
        if (auto not_found = site.file("404.html")) {
            set_body(response, page(*not_found, snapshot), content_type("x.html"));
        } else {
            // No site yet (the first build failed): the panel alone.
            set_body(response,
                     page("<!doctype html><html><head><title>hindsight serve</title></head><body>"
                          "<h1>No site yet</h1></body></html>",
                          snapshot),
                     content_type("x.html"));
        }
    }

    void send(const std::string& path, std::string bytes, const PreviewSnapshot& snapshot,
              httplib::Response& response) {
        if (fs::path(path).extension() == ".html") {
            set_body(response, page(bytes, snapshot), content_type(path));
            if (last_page_epoch.exchange(snapshot.epoch) != snapshot.epoch && on_page != nullptr &&
                *on_page) {
                (*on_page)(snapshot.epoch);
            }
            return;
        }
        set_body(response, std::move(bytes), content_type(path));
    }

    // text/event-stream: "reload" as soon as the epoch differs from the page's.
    void events(const httplib::Request& request, httplib::Response& response) {
        std::uint64_t seen = 0;
        try {
            seen = std::stoull(request.get_param_value("epoch"));
        } catch (const std::exception&) {
            seen = 0;  // no epoch: a stale page, reloaded at once
        }
        response.set_header("Cache-Control", "no-store");
        state.page_connected();
        response.set_chunked_content_provider(
            "text/event-stream",
            [this, seen](std::size_t, httplib::DataSink& sink) {
                const std::uint64_t now = state.wait_for_epoch_after(seen, kKeepAlive);
                if (state.is_shut_down()) {
                    sink.done();
                    return true;
                }
                if (now != seen) {
                    const std::string event = fmt::format("event: reload\ndata: {}\n\n", now);
                    sink.write(event.data(), event.size());
                    sink.done();
                    return true;
                }
                static constexpr std::string_view ping = ": still here\n\n";
                return sink.write(ping.data(), ping.size());
            },
            [this](bool) { state.page_disconnected(); });
    }

    void status(httplib::Response& response) {
        const PreviewSnapshot snapshot = state.snapshot();
        auto problems = nlohmann::ordered_json::array();
        for (const auto& d : snapshot.problems) {
            problems.push_back({{"path", d.location.path},
                                {"line", d.location.line},
                                {"column", d.location.column},
                                {"severity", severity_name(d.severity)},
                                {"message", d.message},
                                {"hint", d.hint}});
        }
        const nlohmann::ordered_json body = {{"epoch", snapshot.epoch},
                                             {"building", snapshot.building},
                                             {"build_failed", snapshot.build_failed},
                                             {"open_pages", state.open_pages()},
                                             {"problems", std::move(problems)}};
        response.set_header("Cache-Control", "no-store");
        response.set_content(body.dump(), "application/json");
    }
};

PreviewServer::PreviewServer(ServerOptions options, PreviewState& state)
    : impl_(std::make_unique<Impl>(std::move(options), state)) {
    impl_->on_page = &on_page_of_epoch;
    auto& server = impl_->server;
    server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let two servers share
    // a port and hide that it is taken.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_tcp_nodelay(true);
    server.Get("/__hindsight/live.js", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        response.set_content(std::string(embedded_content(serve::embedded_client(), "live.js")),
                             content_type("x.js"));
    });
    server.Get("/__hindsight/events",
               [this](const httplib::Request& request, httplib::Response& response) {
                   impl_->events(request, response);
               });
    server.Get("/__hindsight/status", [this](const httplib::Request&, httplib::Response& response) {
        impl_->status(response);
    });
    server.Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
        impl_->serve_site(request, response);
    });
}

PreviewServer::~PreviewServer() = default;

BindError PreviewServer::bind() {
    auto& impl = *impl_;
    errno = 0;
    if (impl.options.port == 0) {
        impl.port = impl.server.bind_to_any_port(impl.options.host);
    } else if (impl.server.bind_to_port(impl.options.host, impl.options.port)) {
        impl.port = impl.options.port;
    } else {
        impl.port = -1;
    }
    if (impl.port > 0) {
        return {};
    }
    const int error = errno;
    if (error == EADDRINUSE) {
        return {fmt::format("port {} on {} is in use", impl.options.port, impl.options.host),
                "stop what is using it, or pass another --port (--port 0 picks a free one)"};
    }
    return {fmt::format("cannot listen on {} port {}: {}", impl.options.host, impl.options.port,
                        error != 0 ? std::strerror(error) : "the address cannot be used"),
            "--host takes an address of this machine, such as 127.0.0.1, ::1 or 0.0.0.0"};
}

int PreviewServer::port() const {
    return impl_->port;
}

std::string PreviewServer::url() const {
    const std::string& host = impl_->options.host;
    const bool v6 = host.find(':') != std::string::npos;
    // 0.0.0.0 and :: listen everywhere; the URL to open is the loopback one.
    const std::string shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host;
    return fmt::format("http://{}:{}/", v6 ? "[" + shown + "]" : shown, impl_->port);
}

void PreviewServer::run() {
    impl_->server.listen_after_bind();
}

void PreviewServer::stop() {
    impl_->state.shut_down();
    impl_->server.stop();
}

}  // namespace hindsight
