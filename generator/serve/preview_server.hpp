// The preview's HTTP server (cpp-httplib): the site as it is after the last good build, each
// HTML page with the reload script and the problems panel, and the reload event stream.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "serve/preview_state.hpp"
#include "serve/site_source.hpp"

namespace hindsight {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8000;             // 0: any free port
    SiteSource* site = nullptr;  // outlives the server
};

struct BindError {
    std::string message;  // "port 8000 on 127.0.0.1 is in use"
    std::string hint;
};

class PreviewServer {
  public:
    PreviewServer(ServerOptions options, PreviewState& state);
    ~PreviewServer();
    PreviewServer(const PreviewServer&) = delete;
    PreviewServer& operator=(const PreviewServer&) = delete;

    // Binds the port (another program's use of it is an error, never shared); an empty message
    // when bound.
    BindError bind();
    int port() const;
    // "http://127.0.0.1:8000/" (an IPv6 address in brackets).
    std::string url() const;

    // Answers requests until stop(); call after bind(), on a thread of its own.
    void run();
    void stop();

    // Called the first time a page of a new epoch is served: how long a reload took to arrive.
    std::function<void(std::uint64_t epoch)> on_page_of_epoch;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hindsight
