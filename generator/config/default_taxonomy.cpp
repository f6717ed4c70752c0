// The cause taxonomy that ships with Hindsight; a site's hindsight.yaml can extend or replace it.
#include <algorithm>

#include "config/taxonomy.hpp"
#include "core/slug.hpp"

namespace hindsight {

const CauseDefinition* Taxonomy::find(std::string_view key_or_alias) const {
    const std::string wanted = slugify(key_or_alias);
    for (const auto& cause : causes) {
        if (cause.key == wanted) {
            return &cause;
        }
        for (const auto& alias : cause.aliases) {
            if (slugify(alias) == wanted) {
                return &cause;
            }
        }
    }
    return nullptr;
}

std::vector<std::string> Taxonomy::keys() const {
    std::vector<std::string> keys;
    for (const auto& cause : causes) {
        keys.push_back(cause.key);
    }
    return keys;
}

Taxonomy default_taxonomy() {
    Taxonomy taxonomy{{
        {"race-condition",
         "Race condition",
         {"race", "concurrency"},
         {"race condition", "race", "concurrent", "concurrency", "deadlock", "lock contention",
          "thread safety", "shared between users"}, true},
        {"resource-exhaustion",
         "Resource exhaustion",
         {"exhaustion", "leak", "oom"},
         {"exhausted", "exhaustion", "out of memory", "oom", "memory leak", "connection leak",
          "file descriptors", "pool exhausted", "ran out of", "disk full", "thread pool"}, true},
        {"misconfiguration",
         "Misconfiguration",
         {"config", "configuration"},
         {"misconfigur", "configuration change", "config change", "wrong setting",
          "incorrect configuration", "typo in the config"}, true},
        {"deployment",
         "Deployment",
         {"deploy", "release", "rollout"},
         {"deploy", "deployment", "release", "rollout", "roll out", "push", "upgrade",
          "migration"}},
        {"capacity",
         "Capacity",
         {"load", "traffic-spike"},
         {"capacity", "traffic spike", "surge", "high load", "overload", "scaling", "autoscal",
          "throttl"}, true},
        {"dependency",
         "Third-party dependency",
         {"third-party", "vendor", "upstream"},
         {"third-party", "third party", "vendor", "upstream", "provider", "external service",
          "cdn"}, true},
        {"network",
         "Network",
         {"networking"},
         {"network", "packet loss", "latency", "bgp", "routing", "firewall", "partition",
          "switch"}},
        {"database",
         "Database",
         {"db"},
         {"database", "postgres", "mysql", "replica", "query", "index", "connection pool",
          "transaction"}},
        {"cache",
         "Cache",
         {"caching", "cdn-cache"},
         {"cache", "caching", "redis", "memcached", "stale", "eviction"}},
        {"load-balancer",
         "Load balancer",
         {"lb", "balancer"},
         {"load balancer", "load-balancer", "haproxy", "nginx", "health check", "upstream pool"}},
        {"dns", "DNS", {"domain"}, {"dns", "resolver", "nameserver", "ttl", "domain name"}},
        {"certificate",
         "Certificate",
         {"tls", "ssl", "cert"},
         {"certificate", "tls", "ssl", "expired cert", "cert expir"}, true},
        {"storage",
         "Storage",
         {"disk"},
         {"storage", "disk", "volume", "filesystem", "s3", "bucket", "i/o"}},
        {"security",
         "Security",
         {"attack", "ddos", "breach"},
         {"security", "attack", "ddos", "breach", "vulnerability", "credential", "malicious"}, true},
        {"human-error",
         "Human error",
         {"operator-error", "manual-error"},
         {"human error", "manual", "accidentally", "mistakenly", "operator error", "typo"}, true},
        {"software-bug",
         "Software bug",
         {"bug", "code-bug", "regression"},
         {"bug", "regression", "null pointer", "exception", "off-by-one", "logic error",
          "code change"}, true},
        {"hardware",
         "Hardware",
         {"hardware-failure"},
         {"hardware", "power", "disk failure", "server failure", "data center", "datacenter"}, true},
    }};
    std::sort(taxonomy.causes.begin(), taxonomy.causes.end(),
              [](const auto& a, const auto& b) { return a.key < b.key; });
    return taxonomy;
}

}  // namespace hindsight
